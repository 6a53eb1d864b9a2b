package com.memberpoints.functions.platform;

/** A required environment variable is absent: the function cannot start (fail fast, at init). */
public final class MissingConfigurationException extends RuntimeException {
    public MissingConfigurationException(String message) {
        super(message);
    }
}
