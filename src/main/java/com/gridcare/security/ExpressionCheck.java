package com.gridcare.security;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads an expression before it may run (a model being deployed, a filter being saved) and says what
 * {@link ExpressionPolicy} would refuse, as far as the text shows it: method calls on anything but
 * the execution or task, a whitelisted bean or {@code dateTime()}; members of those outside the policy;
 * method names computed at run time; {@code class} and the like read from a value. What depends on a
 * variable's value at run time is checked then by {@link SandboxedExpressionManager}.
 */
final class ExpressionCheck {

    /** The parser the engine uses (JUEL with method invocations and varargs). */
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll");
    private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
            "protectionDomain", "processEngineServices", "processEngine", "runtime");
    private static final String RULE = "expressions may call only whitelisted beans and the execution's or task's "
            + "variables, business key and ids";

    private enum Kind { SCOPE, BEAN, DATE, VALUE }

    private record Receiver(Kind kind, String name) {
        String describe() {
            return switch (kind) {
                case SCOPE -> "the execution or task";
                case BEAN -> "bean '" + name + "'";
                case DATE -> "a date";
                case VALUE -> "a value";
            };
        }
    }

    private final ExpressionPolicy policy;

    ExpressionCheck(ExpressionPolicy policy) {
        this.policy = policy;
    }

    /** Text that holds an expression: anything the engine would evaluate. */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** What is wrong with this expression; empty when it may be used (or the text holds none). */
    Optional<String> problem(String text) {
        if (!isExpression(text)) return Optional.empty();
        Node root;
        try {
            root = PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return Optional.of("it is not a valid expression (" + e.getMessage() + ")");
        }
        return Optional.ofNullable(check(root));
    }

    private String check(Node node) {
        if (node instanceof AstMethod method) {
            var target = (AstProperty) method.getChild(0);
            var problem = firstProblem(target.getChild(0), target instanceof AstBracket ? target.getChild(1) : null,
                    method.getChild(1));
            if (problem != null) return problem;
            var name = memberName(target);
            if (name == null) return "method names must be written out, not computed; " + RULE;
            var receiver = receiverOf(target.getChild(0));
            var allowed = switch (receiver.kind()) {
                case SCOPE -> ExpressionPolicy.SCOPE_MEMBERS.contains(name);
                case BEAN -> policy.beanMayCall(receiver.name(), name);
                case DATE -> !OBJECT_METHODS.contains(name);
                case VALUE -> false;
            };
            return allowed ? null : "it may not call '" + name + "' on " + receiver.describe() + "; " + RULE;
        }
        if (node instanceof AstProperty property) {
            var problem = firstProblem(property.getChild(0), property instanceof AstBracket ? property.getChild(1) : null);
            if (problem != null) return problem;
            var name = memberName(property);
            var receiver = receiverOf(property.getChild(0));
            var allowed = switch (receiver.kind()) {
                case SCOPE -> name != null && ExpressionPolicy.scopeMayRead(name);
                case BEAN -> name != null && policy.beanMayRead(receiver.name(), name);
                case DATE -> !"class".equals(name);
                case VALUE -> name == null || !FORBIDDEN_PROPERTIES.contains(name);
            };
            return allowed ? null
                    : "it may not read '" + (name == null ? "a computed property" : name) + "' of " + receiver.describe()
                            + "; " + RULE;
        }
        return firstProblem(children(node));
    }

    private String firstProblem(Node... nodes) {
        for (var node : nodes) {
            if (node == null) continue;
            var problem = check(node);
            if (problem != null) return problem;
        }
        return null;
    }

    private static Node[] children(Node node) {
        var children = new Node[node.getCardinality()];
        for (int i = 0; i < children.length; i++) children[i] = node.getChild(i);
        return children;
    }

    /** What an expression part evaluates to, as far as the text tells. */
    private Receiver receiverOf(Node node) {
        if (node instanceof AstIdentifier identifier) {
            var name = identifier.getName();
            if (ExpressionPolicy.SCOPE_IDENTIFIERS.contains(name)) return new Receiver(Kind.SCOPE, name);
            if (policy.beans().allows(name)) return new Receiver(Kind.BEAN, name);
            return new Receiver(Kind.VALUE, name);
        }
        if (node instanceof AstNested nested) return receiverOf(nested.getChild(0));
        if (node instanceof AstFunction function && "dateTime".equals(function.getName())) {
            return new Receiver(Kind.DATE, null);
        }
        if (node instanceof AstMethod method) {
            var target = (AstProperty) method.getChild(0);
            var receiver = receiverOf(target.getChild(0));
            if (receiver.kind() == Kind.SCOPE && "getExecution".equals(memberName(target))) return receiver;
            if (receiver.kind() == Kind.DATE) return receiver;
        } else if (node instanceof AstProperty property) {
            var receiver = receiverOf(property.getChild(0));
            if (receiver.kind() == Kind.SCOPE && "execution".equals(memberName(property))) return receiver;
            if (receiver.kind() == Kind.DATE) return receiver;
        }
        return new Receiver(Kind.VALUE, null);
    }

    /** The member's name when the text spells it out ({@code a.name}, {@code a['name']}); null when computed. */
    private static String memberName(AstProperty property) {
        if (property instanceof AstDot) {
            return property.toString().substring(2); // AstDot prints itself as ". name"
        }
        if (property.getChild(1) instanceof AstString literal) {
            return (String) literal.eval(null, null);
        }
        return null;
    }
}
