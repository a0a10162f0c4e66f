package com.gridcare.rules.runtime;

import com.gridcare.rules.authoring.DecisionTableReader;
import com.gridcare.rules.authoring.ExampleReader;
import com.gridcare.rules.authoring.ExampleTable;
import com.gridcare.rules.authoring.RuleBuildException;
import com.gridcare.rules.authoring.RuleChecks;
import com.gridcare.rules.authoring.RuleCodeGuard;
import com.gridcare.rules.authoring.RuleProblem;
import com.gridcare.rules.authoring.TableFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.EventProcessingOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles rule files into a {@link RuleSet} with Drools' executable model (no MVEL at run time).
 * Each top-level folder holding rule files is a rule package and becomes its own KieBase, compiled
 * on its own (so a change to one package compiles only that one) and cached by content hash.
 * The only place GridCare compiles rules.
 */
public final class RuleCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleCompiler.class);
    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))",
            Pattern.MULTILINE);
    private static final Pattern DRL_IMPORT = Pattern.compile("^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.]+)\\s*;?",
            Pattern.MULTILINE);
    /** Drools builds modules into a shared repository: one build at a time. */
    private static final Object REPOSITORY = new Object();

    private RuleCompiler() {
    }

    public static boolean isRuleFile(String path) {
        var p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".drl") || p.endsWith(".drl.xlsx") || p.endsWith(".drl.xls") || p.endsWith(".drl.csv");
    }

    /** A file that belongs to a rule package: rules and the examples. */
    public static boolean isPackageFile(String path) {
        return path.indexOf('/') > 0 && (isRuleFile(path) || ExampleReader.isExamples(path));
    }

    /** Content hash of the package files (rules and examples): the rule-set version recorded with every decision. */
    public static String version(Map<String, byte[]> files) {
        var digest = sha256();
        new TreeMap<>(files).forEach((path, bytes) -> {
            if (!isRuleFile(path) && !ExampleReader.isExamples(path)) return;
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** The rule files of rules/ grouped by package folder; rule files outside a folder are a problem. */
    static Map<String, Map<String, byte[]>> byPackage(Map<String, byte[]> files, List<RuleProblem> problems) {
        var packages = new TreeMap<String, Map<String, byte[]>>();
        for (var file : new TreeMap<>(files).entrySet()) {
            var path = file.getKey();
            if (!isRuleFile(path) && !ExampleReader.isExamples(path)) continue;
            int slash = path.indexOf('/');
            if (slash < 0) {
                if (isRuleFile(path)) {
                    problems.add(RuleProblem.inFile(path, "rule files belong in a rule package folder, e.g. rules/customer/"));
                }
                continue;
            }
            var rulePackage = path.substring(0, slash);
            if (!rulePackage.matches("[a-z][a-z0-9]*")) {
                problems.add(RuleProblem.inFile(path, "a rule package folder is named in lower-case letters and digits only"));
                continue;
            }
            if (path.toLowerCase(Locale.ROOT).endsWith(".drl.csv")) {
                problems.add(RuleProblem.inFile(path, "CSV decision tables are not published: open the file in your "
                        + "spreadsheet program and save it as .drl.xlsx (keep CSV sources outside rules/)"));
                continue;
            }
            packages.computeIfAbsent(rulePackage, p -> new TreeMap<>()).put(path, file.getValue());
        }
        packages.values().removeIf(p -> p.keySet().stream().noneMatch(RuleCompiler::isRuleFile));
        return packages;
    }

    /** Compiles without a cache. */
    public static RuleSet compile(Map<String, byte[]> files) {
        return compile(files, RuleModuleCache.none(), null);
    }

    /**
     * @param files every file of rules/ by its relative path; files other than package files are kept but not compiled
     * @param reuse a rule set whose packages are reused when their code is unchanged, or null
     * @throws RuleBuildException with every problem when anything cannot be compiled
     */
    public static RuleSet compile(Map<String, byte[]> files, RuleModuleCache cache, RuleSet reuse) {
        var problems = new ArrayList<RuleProblem>();
        var packages = byPackage(files, problems);
        var compiled = new LinkedHashMap<String, RulePackage>();
        var classLoader = RuleCompiler.class.getClassLoader();
        for (var entry : packages.entrySet()) {
            try {
                compiled.put(entry.getKey(), compilePackage(entry.getKey(), entry.getValue(), cache, reuse, classLoader));
            } catch (RuleBuildException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new RuleBuildException(problems);
        return new RuleSet(version(files), Map.copyOf(compiled), Map.copyOf(files), Instant.now(), Set.of());
    }

    private static RulePackage compilePackage(String name, Map<String, byte[]> files, RuleModuleCache cache,
            RuleSet reuse, ClassLoader classLoader) {
        return compilePackage(name, files, cache, reuse, classLoader, "");
    }

    private static RulePackage compilePackage(String name, Map<String, byte[]> files, RuleModuleCache cache,
            RuleSet reuse, ClassLoader classLoader, String salt) {
        var problems = new ArrayList<RuleProblem>();
        var tables = new ArrayList<TableFile>();
        var drls = new TreeMap<String, String>();
        var sources = new TreeMap<String, String>();
        ExampleTable examples = null;
        for (var file : files.entrySet()) {
            var path = file.getKey();
            try {
                if (ExampleReader.isExamples(path)) {
                    var read = ExampleReader.read(path, file.getValue(), classLoader);
                    problems.addAll(read.problems());
                    examples = read.table();
                    if (examples != null && examples.rulePackage() != null && !examples.rulePackage().equals(name)) {
                        problems.add(RuleProblem.atCell(path, examples.sheet(), 1, 1, "the examples say they are for package '"
                                + examples.rulePackage() + "' but the file is in rules/" + name + "/"));
                    }
                } else if (DecisionTableReader.isTable(path)) {
                    var table = DecisionTableReader.read(path, file.getValue());
                    problems.addAll(RuleChecks.table(table, name, classLoader));
                    tables.add(table);
                    sources.put(path + ".drl", table.drl());
                    problems.addAll(RuleCodeGuard.check(path, table.drl()));
                } else {
                    var text = new String(file.getValue(), StandardCharsets.UTF_8);
                    problems.addAll(RuleChecks.drl(path, text, name));
                    problems.addAll(RuleCodeGuard.check(path, text));
                    drls.put(path, text);
                    sources.put(path, text);
                }
            } catch (RuleBuildException e) {
                problems.addAll(e.problems());
            }
        }
        var drlRules = new LinkedHashMap<String, RulePackage.DrlRule>();
        var seen = new LinkedHashMap<String, String>();
        for (var table : tables) {
            for (var t : table.tables()) for (var row : t.rows()) seen.putIfAbsent(row.name(), table.file());
        }
        drls.forEach((path, text) -> {
            var m = DRL_RULE.matcher(text);
            while (m.find()) {
                var rule = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                int line = text.substring(0, m.start()).split("\n", -1).length;
                var other = seen.putIfAbsent(rule, path);
                if (other != null) {
                    problems.add(RuleProblem.atLine(path, line, 0, "rule '" + rule + "' has the same name as a rule in "
                            + other + "; every rule of a package needs its own name"));
                }
                drlRules.put(rule, new RulePackage.DrlRule(rule, path, line));
            }
        });
        if (!problems.isEmpty()) throw new RuleBuildException(problems);

        var codeHash = codeHash(name + salt, sources, imports(tables, drls), classLoader);
        KieBase kieBase = null;
        if (reuse != null && reuse.find(name).filter(p -> p.codeHash().equals(codeHash)).isPresent()) {
            kieBase = reuse.kieBase(name);
        }
        if (kieBase == null) kieBase = build(name, codeHash, sources, tables, cache, salt.isEmpty());
        return new RulePackage(name, codeHash, kieBase, Map.copyOf(files), List.copyOf(tables), Map.copyOf(drlRules),
                examples);
    }

    /**
     * Compiles every package of the rule set again, {@code rounds} times, keeping nothing: the compiler's
     * first runs in a JVM are several times slower than later ones (JIT), and an application that loaded
     * its rules from the cache has not run it yet. Run in the background after start-up, so that the
     * first publish is as fast as later ones.
     */
    public static void warmUp(RuleSet ruleSet, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (var rulePackage : ruleSet.rulePackages().values()) {
                var files = new java.util.TreeMap<String, byte[]>(rulePackage.files());
                files.keySet().removeIf(ExampleReader::isExamples);
                var marker = "warm-up-" + round + "-" + System.nanoTime();
                try {
                    compilePackage(rulePackage.name(), files, RuleModuleCache.none(), null,
                            RuleCompiler.class.getClassLoader(), marker);
                } catch (RuleBuildException e) {
                    return;
                }
            }
        }
    }

    private static KieBase build(String name, String codeHash, Map<String, String> sources, List<TableFile> tables,
            RuleModuleCache cache, boolean logIt) {
        var ks = KieServices.get();
        var key = name + "-" + codeHash;
        synchronized (REPOSITORY) {
            var cached = cache.get(key);
            if (cached.isPresent()) {
                try {
                    long started = System.nanoTime();
                    var module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(cached.get()));
                    try {
                        var kieBase = ks.newKieContainer(module.getReleaseId()).getKieBase(name);
                        log.info("rule package {} loaded compiled ({}) in {} ms", name, codeHash,
                                (System.nanoTime() - started) / 1_000_000);
                        return kieBase;
                    } finally {
                        ks.getRepository().removeKieModule(module.getReleaseId());
                    }
                } catch (RuntimeException | LinkageError e) {
                    log.warn("cached rule package {} unusable, compiling it: {}", key, e.toString());
                }
            }
            long started = System.nanoTime();
            var releaseId = ks.newReleaseId("com.gridcare.rules", name, "1.0.0-" + codeHash + "-" + System.nanoTime());
            var kfs = ks.newKieFileSystem();
            var module = ks.newKieModuleModel();
            module.newKieBaseModel(name).addPackage(name)
                    .setEqualsBehavior(EqualityBehaviorOption.IDENTITY)
                    .setEventProcessingMode(EventProcessingOption.CLOUD);
            kfs.writeKModuleXML(module.toXML());
            kfs.generateAndWritePomXML(releaseId);
            sources.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
            var builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            var problems = new ArrayList<RuleProblem>();
            for (var message : builder.getResults().getMessages(Message.Level.ERROR)) {
                problems.add(problem(message, sources, tables));
            }
            if (!problems.isEmpty()) throw new RuleBuildException(problems);
            try {
                var kieBase = ks.newKieContainer(releaseId).getKieBase(name);
                cache.put(key, ((InternalKieModule) builder.getKieModule()).getBytes());
                if (logIt) {
                    log.info("rule package {} compiled ({}) in {} ms", name, codeHash, (System.nanoTime() - started) / 1_000_000);
                }
                return kieBase;
            } finally {
                ks.getRepository().removeKieModule(releaseId);
            }
        }
    }

    /** A compiler message about the DRL generated from a table points at the table's row. */
    private static RuleProblem problem(Message message, Map<String, String> sources, List<TableFile> tables) {
        var path = message.getPath() == null ? "" : message.getPath().replaceFirst("^src/main/resources/", "");
        var text = message.getText() == null ? "" : message.getText().strip();
        if (text.length() > 600) text = text.substring(0, 600) + "…";
        for (var table : tables) {
            if (!path.equals(table.file() + ".drl")) continue;
            var rule = ruleAtLine(sources.get(path), message.getLine());
            if (rule != null) {
                var row = table.row(rule);
                if (row.isPresent()) {
                    return RuleProblem.atCell(table.file(), table.sheet(), row.get().getValue().sheetRow(), -1,
                            "row " + row.get().getValue().number() + " '" + rule + "' does not compile: " + text);
                }
            }
            return RuleProblem.inFile(table.file(), "does not compile: " + text);
        }
        return RuleProblem.atLine(path, message.getLine(), message.getColumn(), text);
    }

    private static String ruleAtLine(String drl, int line) {
        if (drl == null || line <= 0) return null;
        var lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            var m = DRL_RULE.matcher(lines[i]);
            if (m.find()) return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        }
        return null;
    }

    private static Set<String> imports(List<TableFile> tables, Map<String, String> drls) {
        var imports = new LinkedHashSet<String>();
        tables.forEach(t -> imports.addAll(t.imports()));
        drls.values().forEach(text -> {
            var m = DRL_IMPORT.matcher(text);
            while (m.find()) imports.add(m.group(1));
        });
        return imports;
    }

    /**
     * The hash a compiled package is cached under: its sources, the Drools version, and the byte code of
     * the GridCare classes its rules use (the generated code is compiled against them).
     */
    static String codeHash(String name, Map<String, String> sources, Set<String> imports, ClassLoader classLoader) {
        var digest = sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(String.valueOf(KieServices.class.getPackage().getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
        sources.forEach((path, text) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        });
        var classes = new TreeMap<String, byte[]>();
        for (var imported : imports) collectClasses(imported, classLoader, classes, 0);
        classes.forEach((type, bytes) -> {
            digest.update(type.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void collectClasses(String className, ClassLoader classLoader, Map<String, byte[]> classes, int depth) {
        // GridCare's fact classes and what they use; the rules engine's own classes are not compiled against
        if (!className.startsWith("com.gridcare.") || className.startsWith("com.gridcare.rules.")
                || classes.containsKey(className) || depth > 3) {
            return;
        }
        try (var in = classLoader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) return;
            classes.put(className, in.readAllBytes());
            var type = Class.forName(className, false, classLoader);
            for (var m : type.getDeclaredMethods()) {
                collectClasses(m.getReturnType().getName(), classLoader, classes, depth + 1);
                for (var p : m.getParameterTypes()) collectClasses(p.getName(), classLoader, classes, depth + 1);
            }
            for (var f : type.getDeclaredFields()) collectClasses(f.getType().getName(), classLoader, classes, depth + 1);
            for (var inner : type.getDeclaredClasses()) collectClasses(inner.getName(), classLoader, classes, depth + 1);
        } catch (java.io.IOException | ClassNotFoundException | LinkageError e) {
            // a class that cannot be read is simply not part of the hash; compiling will say what is wrong
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
