package com.memberpoints.domain.integration;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits events into {@code PutEvents} requests within EventBridge's limits: at most {@value #MAX_ENTRIES} entries
 * and {@value #MAX_REQUEST_BYTES} bytes ({@link OutgoingEvent#sizeBytes}) per request, in the given order, each
 * request filled as far as the limits allow. An entry that alone exceeds the size limit can never be put: it is
 * refused ({@link Split#oversize}) and no request carries it.
 */
public final class EventBatches {
    /** Entries per {@code PutEvents} request. */
    public static final int MAX_ENTRIES = 10;
    /** Bytes per {@code PutEvents} request (256 KB). */
    public static final long MAX_REQUEST_BYTES = 256L * 1024;

    private EventBatches() {}

    /** The requests, and the entries too large to be put at all. */
    public record Split(List<List<OutgoingEvent>> requests, List<OutgoingEvent> oversize) {
        public Split {
            requests = List.copyOf(requests);
            oversize = List.copyOf(oversize);
        }
    }

    public static Split split(List<OutgoingEvent> events, String source) {
        List<List<OutgoingEvent>> requests = new ArrayList<>();
        List<OutgoingEvent> oversize = new ArrayList<>();
        List<OutgoingEvent> current = new ArrayList<>();
        long bytes = 0;
        for (OutgoingEvent e : events) {
            long size = e.sizeBytes(source);
            if (size > MAX_REQUEST_BYTES) {
                oversize.add(e);
                continue;
            }
            if (current.size() == MAX_ENTRIES || bytes + size > MAX_REQUEST_BYTES) {
                requests.add(List.copyOf(current));
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e);
            bytes += size;
        }
        if (!current.isEmpty()) {
            requests.add(List.copyOf(current));
        }
        return new Split(requests, oversize);
    }
}
