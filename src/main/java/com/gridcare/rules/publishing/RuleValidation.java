package com.gridcare.rules.publishing;

import com.gridcare.rules.authoring.DecisionTableReader;
import com.gridcare.rules.authoring.ExampleReader;
import com.gridcare.rules.authoring.RuleBuildException;
import com.gridcare.rules.authoring.RuleProblem;
import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RuleModuleCache;
import com.gridcare.rules.runtime.RuleSet;
import com.gridcare.rules.runtime.RuleVerifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The check an analyst runs before publishing, the same from the API and the command line: the
 * candidate files replace their counterparts in the base rules, the whole candidate is compiled
 * and every example run. Problems name file, sheet, row and column.
 */
public final class RuleValidation {

    private static final Pattern FILE_NAME = Pattern.compile("[\\w][\\w .()\\-]{0,150}");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern DRL_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    /** The outcome of a validation. */
    public record Report(boolean valid, String version, List<String> files, List<RuleProblem> problems,
            List<RuleVerifier.ExampleSummary> examples) {}

    /** A file that cannot be placed in a rule package: the name of the request field and why. */
    public static class UploadException extends RuntimeException {
        private final String field;

        public UploadException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private RuleValidation() {
    }

    public static Report validate(Map<String, byte[]> base, Map<String, byte[]> candidateFiles, RuleModuleCache cache,
            RuleSet reuse, int maxFirings) {
        var candidate = new TreeMap<>(base);
        candidate.putAll(candidateFiles);
        var result = RuleVerifier.verify(candidate, cache, reuse, maxFirings);
        return new Report(result.ok(), RuleCompiler.version(candidate), List.copyOf(candidateFiles.keySet()),
                result.problems(), result.examples());
    }

    /**
     * Places uploaded files in their rule package: "customer/tier.drl.xlsx" as named, a bare file name in
     * the given package or, without one, in the package its content declares (RuleSet cell, DRL package,
     * the examples' first row).
     *
     * @param uploads file name to content
     * @param packageName the package the files belong to, or null
     * @throws UploadException naming the request field at fault
     */
    public static Map<String, byte[]> place(Map<String, byte[]> uploads, String packageName) {
        if (uploads.isEmpty()) throw new UploadException("files", "send at least one rule file");
        if (packageName != null && !packageName.isBlank() && !PACKAGE.matcher(packageName).matches()) {
            throw new UploadException("package", "must be a rule package folder name: lower-case letters and digits");
        }
        var placed = new LinkedHashMap<String, byte[]>();
        for (var upload : uploads.entrySet()) {
            var name = upload.getKey() == null ? "" : upload.getKey().replace('\\', '/');
            var parts = name.split("/");
            var file = parts[parts.length - 1];
            var folder = parts.length >= 2 ? parts[parts.length - 2] : null;
            if (!FILE_NAME.matcher(file).matches()) {
                throw new UploadException("files", "'" + name + "' is not a usable file name");
            }
            if (!RuleCompiler.isRuleFile(file) && !ExampleReader.isExamples(file)) {
                throw new UploadException("files", "'" + file + "' is not a rule file: send *.drl.xlsx, *.drl or "
                        + ExampleReader.FILE_NAME);
            }
            if (folder == null || !PACKAGE.matcher(folder).matches()) {
                folder = packageName != null && !packageName.isBlank() ? packageName : declaredPackage(file, upload.getValue());
            }
            if (folder == null) {
                throw new UploadException("package", "name the rule package of '" + file
                        + "' (its content does not say which package it belongs to)");
            }
            placed.put(folder + "/" + file, upload.getValue());
        }
        return placed;
    }

    private static String declaredPackage(String file, byte[] content) {
        try {
            if (file.toLowerCase(Locale.ROOT).endsWith(".drl")) {
                var m = DRL_PACKAGE.matcher(new String(content, StandardCharsets.UTF_8));
                return m.find() && PACKAGE.matcher(m.group(1)).matches() ? m.group(1) : null;
            }
            if (DecisionTableReader.isTable(file)) {
                var ruleSet = DecisionTableReader.read(file, content).ruleSet();
                return ruleSet != null && PACKAGE.matcher(ruleSet).matches() ? ruleSet : null;
            }
            if (ExampleReader.isExamples(file)) {
                var table = ExampleReader.read(file, content, RuleValidation.class.getClassLoader()).table();
                return table != null && table.rulePackage() != null && PACKAGE.matcher(table.rulePackage()).matches()
                        ? table.rulePackage() : null;
            }
        } catch (RuleBuildException e) {
            return null;
        }
        return null;
    }

    /** Problems as lines for a terminal. */
    public static List<String> lines(Report report) {
        var lines = new ArrayList<String>();
        report.problems().forEach(p -> lines.add("  " + p));
        report.examples().forEach(e -> lines.add("  " + e.rulePackage() + ": " + e.passed() + " of " + e.examples()
                + " examples pass"));
        return lines;
    }
}
