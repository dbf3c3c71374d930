package io.mlops.data.schema;

/** A declared schema that cannot be checked, e.g. a pattern that is not a valid RE2 expression. */
public final class InvalidDeclaredSchema extends IllegalArgumentException {

    public InvalidDeclaredSchema(String message, Throwable cause) {
        super(message, cause);
    }
}
