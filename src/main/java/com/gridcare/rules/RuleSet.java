package com.gridcare.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;

/**
 * A compiled, immutable set of GridCare's rules: one KieBase per rule package (a folder of
 * {@code rules/}), identified by the content hash of its files.
 */
public record RuleSet(String version, KieContainer container, Map<String, byte[]> files, Set<String> packages,
        Instant builtAt) {

    public KieBase kieBase(String rulePackage) {
        if (!packages.contains(rulePackage)) {
            throw new IllegalArgumentException("no rule package '" + rulePackage + "' in rule set " + version);
        }
        return container.getKieBase(rulePackage);
    }
}
