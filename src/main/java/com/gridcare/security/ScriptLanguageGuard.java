package com.gridcare.security;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses a model with a script in any language but JUEL (script tasks, {@code camunda:script} in
 * listeners and input/output mappings, scripted conditions): a script is code running inside the
 * engine, and GridCare's code lives in its delegates. Only JUEL and FEEL engines are on the class
 * path anyway; this fails the deployment instead of the running case.
 */
class ScriptLanguageGuard extends AbstractBpmnParseListener {

    static final List<String> ALLOWED = List.of("juel");

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        check(rootElement);
    }

    private void check(Element element) {
        var format = element.attribute("scriptFormat");
        if (format != null && !allowed(format)) {
            throw refused(element, format);
        }
        if ("conditionExpression".equals(element.getTagName()) || "condition".equals(element.getTagName())) {
            var language = element.attribute("language");
            if (language != null && !allowed(language)) {
                throw refused(element, language);
            }
        }
        for (var child : element.elements()) {
            check(child);
        }
    }

    private static boolean allowed(String language) {
        return ALLOWED.contains(language.trim().toLowerCase(Locale.ROOT));
    }

    private static BpmnParseException refused(Element element, String language) {
        var id = element.attribute("id");
        return new BpmnParseException("Script language '" + language + "' is not allowed in GridCare models"
                + (id == null ? "" : " (element " + id + ")") + "; only JUEL expressions are", element);
    }
}
