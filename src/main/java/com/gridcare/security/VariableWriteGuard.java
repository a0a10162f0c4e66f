package com.gridcare.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.variable.serializer.DefaultVariableSerializers;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks every variable the engine is about to store (transient ones never are), whoever writes it (Tasklist, {@code /engine-rest},
 * GridCare's code): an object variable must be of a type {@link VariableTypes} allows (one that could
 * never be read back would break the task or instance for everyone), and the name and text must fit
 * Camunda's columns. A refusal is a {@link BadUserRequestException} naming the variable, so the
 * caller gets a 400 and nothing of the command is kept. Installed by wrapping each serializer.
 */
final class VariableWriteGuard implements TypedValueSerializer<TypedValue> {

    static final int MAX_NAME = 255;
    static final int MAX_TEXT = 4000;

    private final TypedValueSerializer<TypedValue> serializer;
    private final VariableTypes types;

    @SuppressWarnings("unchecked")
    private VariableWriteGuard(TypedValueSerializer<?> serializer, VariableTypes types) {
        this.serializer = (TypedValueSerializer<TypedValue>) serializer;
        this.types = types;
    }

    /** Wraps the engine's serializers and the fallback for formats it has none for. */
    static void install(ProcessEngineConfigurationImpl configuration, VariableTypes types) {
        var serializers = (DefaultVariableSerializers) configuration.getVariableSerializers();
        var guarded = new ArrayList<TypedValueSerializer<?>>();
        for (var serializer : serializers.getSerializers()) {
            guarded.add(serializer instanceof VariableWriteGuard ? serializer : new VariableWriteGuard(serializer, types));
        }
        serializers.setSerializerList(guarded);
        var fallback = configuration.getFallbackSerializerFactory();
        if (fallback != null) {
            configuration.setFallbackSerializerFactory(new GuardedFallback(fallback, types));
        }
    }

    @Override
    public void writeValue(TypedValue value, ValueFields fields) {
        if (!(fields instanceof VariableInstanceEntity variable) || variable.isTransient()) {
            // a query condition, a comparison copy or a transient variable: nothing that is stored
            serializer.writeValue(value, fields);
            return;
        }
        var name = fields.getName();
        if (name != null && name.length() > MAX_NAME) {
            throw new BadUserRequestException("Variable name '%s…': at most %d characters (this one has %d)"
                    .formatted(name.substring(0, 40), MAX_NAME, name.length()));
        }
        if (value instanceof ObjectValue object) {
            // before serializing: a foreign object is not even turned into JSON
            var typeName = object.isDeserialized() && object.getValue() != null
                    ? object.getValue().getClass().getName() : object.getObjectTypeName();
            if (!types.validate(typeName)) throw foreignType(name, typeName);
        }
        serializer.writeValue(value, fields);
        if (serializer.getType() == ValueType.OBJECT && !types.validate(fields.getTextValue2())) {
            throw foreignType(name, fields.getTextValue2());
        }
        for (var text : new String[] {fields.getTextValue(), fields.getTextValue2()}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new BadUserRequestException("Variable '%s': a %s value may hold at most %d characters (this one has %d)"
                        .formatted(name, serializer.getType().getName(), MAX_TEXT, text.length()));
            }
        }
    }

    private static BadUserRequestException foreignType(String variable, String typeName) {
        return new BadUserRequestException("Variable '" + variable + "': object type '" + typeName + "' is not allowed;"
                + " object variables must be of GridCare's own types or plain Java values and collections");
    }

    @Override
    public String getName() {
        return serializer.getName();
    }

    @Override
    public ValueType getType() {
        return serializer.getType();
    }

    @Override
    public TypedValue readValue(ValueFields fields, boolean deserialize, boolean asTransient) {
        return serializer.readValue(fields, deserialize, asTransient);
    }

    @Override
    public boolean canHandle(TypedValue value) {
        return serializer.canHandle(value);
    }

    @Override
    public TypedValue convertToTypedValue(UntypedValueImpl untyped) {
        return serializer.convertToTypedValue(untyped);
    }

    @Override
    public String getSerializationDataformat() {
        return serializer.getSerializationDataformat();
    }

    @Override
    public boolean isMutableValue(TypedValue value) {
        return serializer.isMutableValue(value);
    }

    private record GuardedFallback(VariableSerializerFactory factory, VariableTypes types)
            implements VariableSerializerFactory {

        @Override
        public TypedValueSerializer<?> getSerializer(String serializerName) {
            var serializer = factory.getSerializer(serializerName);
            return serializer == null ? null : new VariableWriteGuard(serializer, types);
        }

        @Override
        public TypedValueSerializer<?> getSerializer(TypedValue value) {
            var serializer = factory.getSerializer(value);
            return serializer == null ? null : new VariableWriteGuard(serializer, types);
        }
    }
}
