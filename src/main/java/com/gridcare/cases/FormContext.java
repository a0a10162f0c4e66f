package com.gridcare.cases;

import java.util.Map;

/**
 * Values a task's form shows that the process does not keep: computed from the case record and the
 * customer when the form is opened (Tasklist, GridCare's API), never stored. Each feature provides
 * those of its own processes' forms; forms show them in read-only fields or text components.
 */
public interface FormContext {

    /**
     * The values for a task of a process, by form field key; empty when the task is none of this
     * feature's.
     *
     * @param processKey the task's process ({@code complaint-handling}…)
     */
    Map<String, Object> values(CaseStepContext step, String processKey, String taskKey);

    /**
     * A value as it must read inside a form's text component, which Tasklist renders as Markdown: every
     * Markdown character escaped, so a masked phone ({@code 138****5678}) or a customer's own words show
     * literally instead of turning into emphasis, links or headings.
     */
    static String markdownLiteral(String value) {
        if (value == null) return "";
        var out = new StringBuilder(value.length() + 8);
        boolean lineStart = true;
        for (var c : value.toCharArray()) {
            if (MARKDOWN.indexOf(c) >= 0 || lineStart && (c == '-' || c == '+')) out.append('\\');
            out.append(c);
            lineStart = c == '\n' || lineStart && c == ' ';
        }
        return out.toString();
    }

    /** Characters with a meaning to Markdown anywhere in a line ('-' and '+' only at its start). */
    String MARKDOWN = "\\`*_[]<>#|~";
}
