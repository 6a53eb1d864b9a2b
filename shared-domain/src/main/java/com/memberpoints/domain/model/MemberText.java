package com.memberpoints.domain.model;

import java.util.Optional;

/**
 * The one rule for texts a member may see (reasons, store names, rules texts, notification texts): checked by
 * the HTTP layer when it reads a request and by the domain when it builds a command, with the same code, so the
 * two can never disagree (issue 13: the route counted code points, the ledger UTF-16 units, and a reason of 150
 * emoji passed one and failed the other).
 *
 * <ul>
 *   <li>Length is counted in Unicode code points ("characters" in the API): an emoji is one character.</li>
 *   <li>No control characters (C0, DEL, C1); a multi-line text may hold line feeds, carriage returns and tabs.</li>
 *   <li>No bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069): they can make
 *       a text read differently from what it says.</li>
 *   <li>No unpaired surrogate (not a character at all; it cannot be stored or shown reliably).</li>
 * </ul>
 */
public final class MemberText {

    private MemberText() {}

    /** Length in characters (code points), the unit of every length limit of the API. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * What is wrong with {@code text} in the API's own words ("must be at most 200 characters"), or empty when it
     * is acceptable: {@code min..max} characters (not blank when {@code min > 0}) and no forbidden character.
     */
    public static Optional<String> problem(String text, int min, int max, boolean multiline) {
        int length = length(text);
        if (length > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        if (length < min || (min > 0 && text.isBlank())) {
            return Optional.of(min == 1 ? "must not be empty" : "must be at least " + min + " characters");
        }
        return characterProblem(text, multiline);
    }

    /** The character rules alone (no length), e.g. for a text whose length is checked elsewhere. */
    public static Optional<String> characterProblem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain unpaired surrogate code units");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain unpaired surrogate code units");
            }
            boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowed) {
                return Optional.of("must not contain control characters");
            }
            if (isBidiControl(c)) {
                return Optional.of("must not contain bidirectional override characters");
            }
        }
        return Optional.empty();
    }

    /**
     * For constructors: throws {@link IllegalArgumentException} ("reason must be at most 200 characters") when
     * {@link #problem} finds something; else returns {@code text}.
     */
    public static String require(String field, String text, int min, int max, boolean multiline) {
        Optional<String> problem = problem(text, min, max, multiline);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(field + " " + problem.get());
        }
        return text;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
