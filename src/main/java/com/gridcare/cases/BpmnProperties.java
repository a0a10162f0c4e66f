package com.gridcare.cases;

import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads the extension properties ({@code camunda:properties}) a process designer set on an element. */
final class BpmnProperties {

    private BpmnProperties() {
    }

    static Optional<String> get(BaseElement element, String name) {
        if (element == null || element.getExtensionElements() == null) {
            return Optional.empty();
        }
        for (var properties : element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class)
                .list()) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (name.equals(property.getCamundaName()) && property.getCamundaValue() != null
                        && !property.getCamundaValue().isBlank()) {
                    return Optional.of(property.getCamundaValue().trim());
                }
            }
        }
        return Optional.empty();
    }

    static String required(BaseElement element, String name) {
        return get(element, name).orElseThrow(() -> new IllegalStateException(
                "BPMN element " + (element == null ? "?" : element.getId()) + " needs the extension property "
                        + name));
    }
}
