package com.memberpoints.domain.inmemory;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a row sits in a listing of an in-memory store: an instant (as a whole number of seconds or milliseconds,
 * as the listing's contract says), then ids in order. Compared by the number, then each id as a string: the same
 * order as the DynamoDB indexes, whose keys join zero-padded numbers and ids with a separator that sorts before
 * every character an id may hold. A cursor carries a position as text.
 */
record ListingPosition(long at, List<String> ids) implements Comparable<ListingPosition> {

    ListingPosition {
        ids = List.copyOf(ids);
    }

    static ListingPosition of(long at, String... ids) {
        return new ListingPosition(at, List.of(ids));
    }

    @Override
    public int compareTo(ListingPosition other) {
        int c = Long.compare(at, other.at);
        for (int i = 0; c == 0 && i < Math.min(ids.size(), other.ids.size()); i++) {
            c = ids.get(i).compareTo(other.ids.get(i));
        }
        return c != 0 ? c : Integer.compare(ids.size(), other.ids.size());
    }

    /** Text for a cursor: the number and the ids separated by {@code |} (never part of an id). */
    String text() {
        return at + (ids.isEmpty() ? "" : "|" + String.join("|", ids));
    }

    /** The position a cursor's text names; a text not made by {@link #text()} is an invalid cursor. */
    static ListingPosition parse(String text) {
        String[] parts = text.split("\\|", -1);
        try {
            List<String> ids = new ArrayList<>(List.of(parts).subList(1, parts.length));
            return new ListingPosition(Long.parseLong(parts[0]), ids);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
