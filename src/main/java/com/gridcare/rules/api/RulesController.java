package com.gridcare.rules.api;

import com.gridcare.api.ConflictException;
import com.gridcare.api.Idempotency;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.kernel.Groups;
import com.gridcare.rules.authoring.RuleProblem;
import com.gridcare.rules.publishing.RulePublisher;
import com.gridcare.rules.publishing.RuleSimulation;
import com.gridcare.rules.publishing.RuleValidation;
import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RulePackage;
import com.gridcare.rules.runtime.RuleRuntime;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Rule administration for analysts: the live rules and their history, validate, simulate, publish
 * and roll back. A rule file is code: only rule analysts and administrators reach these
 * operations, and they are the only way (besides the watched folder) that GridCare compiles one.
 */
@RestController
@Validated
@RequestMapping("/api/v1/rules")
@AllowedGroups(Groups.RULE_ANALYSTS)
class RulesController {

    record PackageInfo(String name, List<String> files, int tableRows, int drlRules, int examples, boolean batchSafe) {}

    record FileInfo(String path, int bytes, String sha256) {}

    record Status(String version, Instant builtAt, long startupMillis, List<PackageInfo> packages, List<FileInfo> files,
            List<RulePublisher.Publication> history) {}

    record RollbackRequest(@Pattern(regexp = "^[0-9a-f]{12}$", message = "must be a rule-set version (12 hex digits)")
            String version) {}

    /** The candidate was refused: 422 with every problem. */
    static class RulesRefused extends RuntimeException {
        final transient Object body;
        final String title;

        RulesRefused(String title, String detail, Object body) {
            super(detail);
            this.title = title;
            this.body = body;
        }
    }

    private final RuleRuntime runtime;
    private final RulePublisher publisher;
    private final RuleSimulation simulation;
    private final Idempotency idempotency;

    RulesController(RuleRuntime runtime, RulePublisher publisher, RuleSimulation simulation, Idempotency idempotency) {
        this.runtime = runtime;
        this.publisher = publisher;
        this.simulation = simulation;
        this.idempotency = idempotency;
    }

    @GetMapping
    Status status(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int history) {
        var live = runtime.current();
        var packages = live.rulePackages().values().stream()
                .sorted(java.util.Comparator.comparing(RulePackage::name))
                .map(p -> new PackageInfo(p.name(), List.copyOf(new java.util.TreeSet<>(p.files().keySet())),
                        p.tableRows().size(), p.drlRules().size(),
                        p.examples() == null ? 0 : p.examples().examples().size(), live.batchSafe().contains(p.name())))
                .toList();
        var files = new java.util.TreeMap<>(live.files()).entrySet().stream()
                .filter(e -> RuleCompiler.isPackageFile(e.getKey()))
                .map(e -> new FileInfo(e.getKey(), e.getValue().length, sha256(e.getValue())))
                .toList();
        return new Status(live.version(), live.builtAt(), runtime.startupMillis(), packages, files,
                publisher.history(history));
    }

    @PostMapping(path = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RuleValidation.Report validate(@RequestParam(value = "files", required = false) List<MultipartFile> files,
            @RequestParam(value = "package", required = false) String packageName) {
        var candidate = place(files, packageName);
        var live = runtime.current();
        return RuleValidation.validate(live.files(), candidate, runtime.cache(), live, runtime.maxFirings());
    }

    @PostMapping(path = "/simulate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> simulate(@RequestParam(value = "files", required = false) List<MultipartFile> files,
            @RequestParam(value = "package", required = false) String packageName,
            @RequestParam(value = "days", defaultValue = "90") @Min(1) @Max(3660) int days,
            @RequestParam(value = "format", defaultValue = "json") @Pattern(regexp = "^(json|csv)$",
                    message = "must be json or csv") String format,
            @RequestHeader(value = "Accept", required = false) String accept) {
        var candidate = place(files, packageName);
        RuleSimulation.Result result;
        try {
            result = simulation.simulate(candidate, days);
        } catch (RuleSimulation.CandidateRefused e) {
            throw new RulesRefused("Candidate rules do not compile", summary(e.report().problems()), e.report());
        }
        if (format.equals("csv") || (accept != null && accept.contains("text/csv"))) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"simulation-" + result.candidate().version() + ".csv\"")
                    .body(result.csv());
        }
        return ResponseEntity.ok(result);
    }

    @PostMapping("/publish")
    ResponseEntity<RulePublisher.Result> publish(
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestParam(value = "files", required = false) List<MultipartFile> files,
            @RequestParam(value = "package", required = false) String packageName, HttpServletRequest request) {
        var who = ApiUser.of(request).id();
        var uploads = files == null || files.isEmpty() ? Map.<String, byte[]>of() : place(files, packageName);
        return idempotency.once("rules-publish", idempotencyKey, fingerprint(uploads), RulePublisher.Result.class, () -> {
            var result = uploads.isEmpty() ? publisher.publishFolder(who, RulePublisher.Trigger.API)
                    : publisher.publishFiles(uploads, who);
            if (result.outcome() == RulePublisher.Outcome.REFUSED) {
                throw new RulesRefused("Rules refused", "nothing changed; rules " + result.previousVersion()
                        + " keep serving. " + summary(result.problems()), result);
            }
            return ResponseEntity.ok(result);
        });
    }

    @PostMapping("/rollback")
    ResponseEntity<RulePublisher.Result> rollback(
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody(required = false) @jakarta.validation.Valid RollbackRequest body, HttpServletRequest request) {
        var who = ApiUser.of(request).id();
        var version = body == null ? null : body.version();
        return idempotency.once("rules-rollback", idempotencyKey, body == null ? Map.of() : body,
                RulePublisher.Result.class, () -> {
                    RulePublisher.Result result;
                    try {
                        result = publisher.rollback(who, version);
                    } catch (IllegalStateException e) {
                        throw new ConflictException(e.getMessage());
                    }
                    if (result.outcome() == RulePublisher.Outcome.REFUSED) {
                        throw new RulesRefused("Rollback refused", "nothing changed; rules " + result.previousVersion()
                                + " keep serving. " + summary(result.problems()), result);
                    }
                    return ResponseEntity.ok(result);
                });
    }

    @ExceptionHandler(RulesRefused.class)
    ResponseEntity<ProblemDetail> refused(RulesRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle(e.title);
        problem.setProperty("result", e.body);
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Map<String, byte[]> place(List<MultipartFile> files, String packageName) {
        if (files == null || files.isEmpty()) throw new InvalidFieldException("files", "send at least one rule file");
        var uploads = new LinkedHashMap<String, byte[]>();
        for (var file : files) {
            try {
                uploads.put(file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return RuleValidation.place(uploads, packageName);
        } catch (RuleValidation.UploadException e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
    }

    private static String summary(List<RuleProblem> problems) {
        if (problems.isEmpty()) return "";
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", first: " + problems.get(0);
    }

    private static Map<String, String> fingerprint(Map<String, byte[]> uploads) {
        var fingerprint = new java.util.TreeMap<String, String>();
        uploads.forEach((path, bytes) -> fingerprint.put(path, sha256(bytes)));
        return fingerprint;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
