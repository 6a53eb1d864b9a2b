package com.memberpoints.domain.model;

/**
 * A store refused the work for now (throttling: provisioned throughput or request rate exceeded) and went on
 * refusing through its bounded retries with backoff. Thrown by adapters, alone or as the cause of a port's own
 * exception; see {@link RetryLater}.
 */
public class StoreBusyException extends RuntimeException implements RetryLater {
    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
