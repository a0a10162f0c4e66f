package com.gridcare.rules.api;

import ch.qos.logback.classic.Level;
import com.gridcare.deployment.SourceFolder;
import com.gridcare.rules.publishing.RuleValidation;
import com.gridcare.rules.runtime.RuleModuleCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-line form of {@code POST /api/v1/rules/validate}: the same check, without a running
 * GridCare. {@code tools/validate-rules [--rules DIR] [--package NAME] [FILE ...]}: without files the
 * whole rules folder is checked; with files, they replace their counterparts in the rules folder.
 * Exit code 0 when valid, 1 when not, 2 on wrong usage.
 */
public final class ValidateRulesCommand {

    private ValidateRulesCommand() {
    }

    public static void main(String[] args) throws IOException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // the customer rules read the decided tier in an eval on purpose (rules/customer/evaluation.drl)
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.drools.base.rule.EvalCondition")).setLevel(Level.ERROR);
        String rules = "rules";
        String packageName = null;
        var files = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = args[++i];
                case "--package" -> packageName = args[++i];
                case "-h", "--help" -> {
                    System.out.println("usage: validate-rules [--rules DIR] [--package NAME] [FILE ...]");
                    return;
                }
                default -> files.add(args[i]);
            }
        }
        System.exit(run(rules, packageName, files));
    }

    static int run(String rules, String packageName, List<String> files) throws IOException {
        var folder = SourceFolder.of("rules", rules);
        if (folder.directory().isEmpty()) {
            System.err.println("no rules folder at " + Path.of(rules).toAbsolutePath());
            return 2;
        }
        var uploads = new LinkedHashMap<String, byte[]>();
        for (var file : files) {
            var path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                System.err.println("no such file: " + file);
                return 2;
            }
            var parent = path.toAbsolutePath().getParent();
            var name = parent != null && parent.getParent() != null && parent.getParent().equals(folder.directory().get())
                    ? parent.getFileName() + "/" + path.getFileName() : path.getFileName().toString();
            uploads.put(name, Files.readAllBytes(path));
        }
        RuleValidation.Report report;
        try {
            var candidate = uploads.isEmpty() ? java.util.Map.<String, byte[]>of() : RuleValidation.place(uploads, packageName);
            report = RuleValidation.validate(folder.read(p -> true), candidate, RuleModuleCache.none(), null, 1000);
        } catch (RuleValidation.UploadException e) {
            System.err.println(e.field() + ": " + e.getMessage());
            return 2;
        }
        System.out.println((report.valid() ? "VALID" : "INVALID") + " rules " + report.version() + " ("
                + folder.describe() + (uploads.isEmpty() ? "" : " with " + report.files()) + ")");
        RuleValidation.lines(report).forEach(System.out::println);
        return report.valid() ? 0 : 1;
    }
}
