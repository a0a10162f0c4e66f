package com.gridcare.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, a BPMN model that could run code of its own inside the engine: a script
 * in any language (script tasks, {@code camunda:script} in listeners and mappings, scripted
 * conditions), a Java class named in the model ({@code camunda:class} and the like: GridCare's code
 * is called through delegate beans), or an expression outside {@link ExpressionPolicy} — every
 * attribute and text that holds {@code ${…}} or {@code #{…}} is read by {@link ExpressionCheck}. The
 * message names the element and the expression.
 */
class ModelGuard extends AbstractBpmnParseListener {

    /** Attributes naming a class the engine would instantiate. */
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");
    /** Elements whose text is for people, never evaluated. */
    private static final Set<String> PROSE = Set.of("documentation", "textAnnotation");

    private final ExpressionCheck expressions;

    ModelGuard(ExpressionCheck expressions) {
        this.expressions = expressions;
    }

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        check(rootElement, null);
    }

    private void check(Element element, String enclosingId) {
        if (PROSE.contains(element.getTagName())) return;
        var id = element.attribute("id") != null ? element.attribute("id") : enclosingId;
        var format = element.attribute("scriptFormat");
        if (format != null) {
            throw refused(element, id, "Script language '" + format + "' is not allowed in GridCare models");
        }
        if (("conditionExpression".equals(element.getTagName()) || "condition".equals(element.getTagName()))
                && element.attribute("language") != null) {
            throw refused(element, id, "Script language '" + element.attribute("language")
                    + "' is not allowed in GridCare models");
        }
        if ("constraint".equals(element.getTagName()) && "validator".equals(element.attribute("name"))) {
            throw refused(element, id, "A custom form field validator is not allowed in GridCare models");
        }
        for (var key : element.attributes()) {
            var name = key.substring(key.lastIndexOf(':') + 1);
            var value = element.attribute(key);
            if (CLASS_ATTRIBUTES.contains(name)) {
                throw refused(element, id, "A Java class ('" + value + "') is not allowed in GridCare models");
            }
            checkExpression(element, id, value);
        }
        checkExpression(element, id, element.getText());
        for (var child : element.elements()) {
            check(child, id);
        }
    }

    private void checkExpression(Element element, String id, String text) {
        if (!ExpressionCheck.isExpression(text)) return;
        var problem = expressions.problem(text.strip());
        if (problem.isPresent()) {
            throw refused(element, id, "Expression '" + text.strip() + "' is not allowed in GridCare models: "
                    + problem.get());
        }
    }

    private static BpmnParseException refused(Element element, String id, String what) {
        return new BpmnParseException(what + (id == null ? "" : " (element " + id + ")")
                + "; models call GridCare's code through delegates and whitelisted beans", element);
    }
}
