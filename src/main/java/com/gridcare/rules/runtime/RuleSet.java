package com.gridcare.rules.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;

/**
 * A compiled, immutable set of GridCare's rules: one {@link RulePackage} per folder of
 * {@code rules/}, identified by the content hash of its files (the version every decision records).
 *
 * @param files every file the set was built from, by path relative to rules/
 * @param batchSafe packages whose examples give the same answers when many subjects share one session
 */
public record RuleSet(String version, Map<String, RulePackage> rulePackages, Map<String, byte[]> files,
        Instant builtAt, Set<String> batchSafe) {

    public Set<String> packages() {
        return new TreeSet<>(rulePackages.keySet());
    }

    public boolean has(String rulePackage) {
        return rulePackages.containsKey(rulePackage);
    }

    public RulePackage rulePackage(String rulePackage) {
        var found = rulePackages.get(rulePackage);
        if (found == null) {
            throw new IllegalArgumentException("no rule package '" + rulePackage + "' in rule set " + version);
        }
        return found;
    }

    public Optional<RulePackage> find(String rulePackage) {
        return Optional.ofNullable(rulePackages.get(rulePackage));
    }

    public KieBase kieBase(String rulePackage) {
        return rulePackage(rulePackage).kieBase();
    }

    public RuleSet withBatchSafe(Set<String> packages) {
        return new RuleSet(version, rulePackages, files, builtAt, Set.copyOf(packages));
    }
}
