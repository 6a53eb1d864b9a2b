package com.memberpoints.infra.wire;

import com.memberpoints.domain.model.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of the house's own messages (a Scheduler target input, an SQS chunk message): one flat object whose
 * members are strings or whole numbers. Written and read here, by the codec of each message type, so the adapter
 * that sends a message and the handler that receives it cannot disagree. Anything else (nesting, arrays,
 * fractions, duplicate members) is refused as an {@link InvalidInputException} on {@code body}.
 */
public final class FlatJson {
    private FlatJson() {}

    /** {@code {"a":"x","n":3}} from the members in their order; values must be {@link String} or {@link Long}/{@link Integer}. */
    public static String write(Map<String, ?> members) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> e : members.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, e.getKey()).append(':');
            switch (e.getValue()) {
                case String s -> string(out, s);
                case Long n -> out.append(n);
                case Integer n -> out.append(n);
                default -> throw new IllegalArgumentException("member " + e.getKey() + " is neither text nor a whole number");
            }
        }
        return out.append('}').toString();
    }

    /** The members of a flat object: {@link String} or {@link Long} values, in document order. */
    public static Map<String, Object> read(String text) {
        Reader r = new Reader(text == null ? "" : text);
        Map<String, Object> members = r.object();
        r.space();
        if (r.at < r.text.length()) {
            throw r.malformed("has text after the object");
        }
        return members;
    }

    private static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static final class Reader {
        final String text;
        int at;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            space();
            expect('{', "must be a JSON object");
            Map<String, Object> members = new LinkedHashMap<>();
            space();
            if (peek() == '}') {
                at++;
                return members;
            }
            while (true) {
                space();
                String name = string();
                space();
                expect(':', "is not valid JSON: ':' expected");
                space();
                Object value = peek() == '"' ? string() : number();
                if (members.put(name, value) != null) {
                    throw malformed("has the member " + name + " twice");
                }
                space();
                if (peek() == ',') {
                    at++;
                    continue;
                }
                expect('}', "must be a flat JSON object of text and whole numbers");
                return members;
            }
        }

        String string() {
            expect('"', "must be a flat JSON object of text and whole numbers");
            StringBuilder out = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw malformed("is not valid JSON: control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw malformed("is not valid JSON: short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw malformed("is not valid JSON: bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw malformed("is not valid JSON: bad escape");
                }
            }
            throw malformed("is not valid JSON: unterminated string");
        }

        Long number() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            String digits = text.substring(start, at);
            if (digits.isEmpty() || digits.equals("-") || (digits.length() > 1 && digits.replace("-", "").startsWith("0"))) {
                throw malformed("must be a flat JSON object of text and whole numbers");
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw malformed("has a number out of range");
            }
        }

        void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        void expect(char c, String problem) {
            if (peek() != c) {
                throw malformed(problem);
            }
            at++;
        }

        InvalidInputException malformed(String problem) {
            return new InvalidInputException("body", problem);
        }
    }
}
