package com.gridcare.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs before the engine's deployers on every new deployment: a decision table may use FEEL only
 * (whose calls to Java are off in Camunda's engine), not JUEL or a script language, and CMMN case
 * models are refused (GridCare runs none). BPMN models are checked by {@link ModelGuard} while
 * they are parsed.
 */
class DecisionAndCaseModelGuard implements Deployer {

    private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) return;
        for (var resource : deployment.getResources().values()) {
            var name = resource.getName();
            if (endsWithAny(name, CmmnDeployer.CMMN_RESOURCE_SUFFIXES)) {
                throw new BadUserRequestException("Resource '" + name + "': CMMN case models are not allowed in GridCare");
            }
            if (endsWithAny(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
                checkDecisions(name, resource.getBytes());
            }
        }
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (var suffix : suffixes) {
            if (name.endsWith(suffix)) return true;
        }
        return false;
    }

    private static void checkDecisions(String resourceName, byte[] xml) {
        var ids = new ArrayDeque<String>();
        var handler = new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                var id = attributes.getValue("id");
                ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
                var language = attributes.getValue("expressionLanguage");
                if (language != null && !FEEL.contains(language) && !"feel".equalsIgnoreCase(language)) {
                    throw new BadUserRequestException("Resource '" + resourceName + "', element " + where(ids)
                            + ": expression language '" + language + "' is not allowed in GridCare decisions; use FEEL");
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                ids.pop();
            }
        };
        try {
            var factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), handler);
        } catch (BadUserRequestException refused) {
            throw refused;
        } catch (Exception unreadable) {
            // not well-formed or with a DOCTYPE: the engine's own parser refuses it with its message
        }
    }

    private static String where(Deque<String> ids) {
        return ids.peek() == null || ids.peek().isEmpty() ? "(without id)" : ids.peek();
    }
}
