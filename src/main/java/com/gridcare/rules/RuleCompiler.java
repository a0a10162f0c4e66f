package com.gridcare.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.EventProcessingOption;

/**
 * Compiles rule files into a {@link RuleSet} with Drools' executable model (no MVEL at run time).
 * Each top-level folder holding rule files becomes a KieBase of the same name; its DRL package
 * and decision-table RuleSet must carry that name too.
 */
public final class RuleCompiler {

    private RuleCompiler() {
    }

    public static boolean isRuleFile(String path) {
        var p = path.toLowerCase();
        return p.endsWith(".drl") || p.endsWith(".drl.xlsx") || p.endsWith(".drl.xls") || p.endsWith(".drl.csv");
    }

    /** Content hash of the rule files: the rule-set version recorded with every decision. */
    public static String version(Map<String, byte[]> files) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            files.entrySet().stream().filter(e -> isRuleFile(e.getKey())).forEach(e -> {
                digest.update(e.getKey().getBytes());
                digest.update((byte) 0);
                digest.update(e.getValue());
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param files every file of rules/ by its relative path; files other than rule files are ignored
     * @throws RuleBuildException with every problem when anything does not compile
     */
    public static RuleSet compile(Map<String, byte[]> files) {
        var ks = KieServices.get();
        var version = version(files);
        var releaseId = ks.newReleaseId("com.gridcare", "gridcare-rules", "1.0.0-" + version + "-" + System.nanoTime());
        var kfs = ks.newKieFileSystem();
        var module = ks.newKieModuleModel();
        var packages = new TreeSet<String>();
        var problems = new ArrayList<RuleBuildException.Problem>();
        for (var file : files.entrySet()) {
            var path = file.getKey();
            if (!isRuleFile(path)) continue;
            int slash = path.indexOf('/');
            if (slash < 0) {
                problems.add(new RuleBuildException.Problem(path, 0, 0,
                        "rule files belong in a rule package folder, e.g. rules/customer/"));
                continue;
            }
            var rulePackage = path.substring(0, slash);
            if (!rulePackage.matches("[a-z][a-z0-9]*")) {
                problems.add(new RuleBuildException.Problem(path, 0, 0,
                        "a rule package folder is named in lower-case letters and digits only"));
                continue;
            }
            packages.add(rulePackage);
            kfs.write("src/main/resources/" + path, file.getValue());
        }
        if (!problems.isEmpty()) throw new RuleBuildException(problems);
        for (var rulePackage : packages) {
            module.newKieBaseModel(rulePackage)
                    .addPackage(rulePackage)
                    .setEqualsBehavior(EqualityBehaviorOption.IDENTITY)
                    .setEventProcessingMode(EventProcessingOption.CLOUD);
        }
        kfs.writeKModuleXML(module.toXML());
        kfs.generateAndWritePomXML(releaseId);
        var builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        for (var message : builder.getResults().getMessages(Message.Level.ERROR)) {
            var file = message.getPath() == null ? "" : message.getPath().replaceFirst("^src/main/resources/", "");
            problems.add(new RuleBuildException.Problem(file, message.getLine(), message.getColumn(),
                    message.getText()));
        }
        if (!problems.isEmpty()) throw new RuleBuildException(problems);
        var container = ks.newKieContainer(releaseId);
        // Drools keeps every built module in its repository; GridCare holds its own reference.
        ks.getRepository().removeKieModule(releaseId);
        return new RuleSet(version, container, Map.copyOf(files), packages, Instant.now());
    }
}
