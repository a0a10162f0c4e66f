package com.gridcare.rules.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule file is code that runs inside GridCare: its consequences are Java. Rules decide from the
 * facts they are given; they may not reach the operating system, files, the network, threads or
 * reflection. Checked on the DRL of every file (decision tables included, as generated), outside
 * comments and strings, before anything compiles.
 */
public final class RuleCodeGuard {

    private record Forbidden(Pattern pattern, String what) {}

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden(Pattern.compile("\\bRuntime\\b|\\bProcessBuilder\\b|\\bProcessHandle\\b"), "starts programs"),
            new Forbidden(Pattern.compile("\\bSystem\\s*\\.\\s*(exit|getenv|getProperty|setProperty|load|loadLibrary|"
                    + "setSecurityManager|console|in|out|err)\\b"), "uses the JVM's System"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke|sql|rmi)\\b|"
                    + "\\bjavax\\s*\\.\\s*(script|naming|management)\\b|\\bsun\\s*\\.|\\bjdk\\s*\\."), "uses files, network or JVM internals"),
            new Forbidden(Pattern.compile("\\bClass\\s*\\.\\s*forName\\b|\\bClassLoader\\b|\\bgetClass\\s*\\(\\s*\\)\\s*\\.|"
                    + "\\bgetDeclared\\w*\\s*\\(|\\bsetAccessible\\s*\\(|\\bMethodHandles\\b"), "uses reflection"),
            new Forbidden(Pattern.compile("\\bThread\\b|\\bExecutors?\\b|\\bCompletableFuture\\b|\\bTimer\\b"), "starts threads"));

    private RuleCodeGuard() {
    }

    public static List<RuleProblem> check(String file, String drl) {
        var problems = new ArrayList<RuleProblem>();
        var code = withoutCommentsAndStrings(drl);
        var lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (var forbidden : FORBIDDEN) {
                var m = forbidden.pattern().matcher(lines[i]);
                if (m.find()) {
                    problems.add(RuleProblem.atLine(file, i + 1, m.start() + 1, "'" + m.group().trim() + "' "
                            + forbidden.what() + ": rules decide from their facts and may not do that"));
                }
            }
        }
        return problems;
    }

    /** The text with comments and string literals blanked, line breaks kept. */
    private static String withoutCommentsAndStrings(String text) {
        var out = new StringBuilder(text.length());
        boolean line = false;
        boolean block = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                line = false;
                out.append('\n');
                continue;
            }
            if (line) {
                out.append(' ');
            } else if (block) {
                if (c == '*' && next == '/') {
                    block = false;
                    out.append("  ");
                    i++;
                } else {
                    out.append(' ');
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    out.append("  ");
                    i++;
                } else {
                    if (c == quote) quote = 0;
                    out.append(' ');
                }
            } else if (c == '/' && next == '/' || c == '#') {
                line = true;
                out.append(' ');
            } else if (c == '/' && next == '*') {
                block = true;
                out.append("  ");
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
