package com.memberpoints.functions.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every handler is parse → one call into the domain → write the answer, in at most {@value #MAX_LINES} lines of
 * code: the source of each {@code *Handler.java} under src/main, without package and import lines, comments and
 * blank lines. The platform/http base classes (ApiHandler and its three audiences) are the shared machinery, not
 * handlers, and are not counted.
 */
class HandlerSizeTest {
    static final int MAX_LINES = 40;
    static final Path MAIN = Path.of("src/main/java/com/memberpoints/functions");

    @Test
    void everyHandlerHasAtMostFortyLinesOfCode() throws IOException {
        TreeMap<String, Integer> offenders = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("Handler.java")).toList()) {
                String name = MAIN.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("platform/http/")) {
                    continue;
                }
                int lines = linesOfCode(Files.readString(f));
                if (lines > MAX_LINES) {
                    offenders.put(name, lines);
                }
            }
        }
        assertThat(offenders).as("handlers over %d lines of code", MAX_LINES).isEmpty();
    }

    @Test
    void countingSkipsImportsCommentsAndBlankLines() {
        String source = """
                package a;

                import b.C; // why
                /** Doc
                 * more */
                final class X { // trailing comment kept as code
                    /* block */ int y = 1;
                    // only a comment
                }
                """;
        assertThat(linesOfCode(source)).isEqualTo(3);
    }

    static int linesOfCode(String source) {
        String noBlocks = source.replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> code = new ArrayList<>();
        for (String line : noBlocks.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("//") || t.startsWith("import ") || t.startsWith("package ")) {
                continue;
            }
            code.add(t);
        }
        return code.size();
    }

}
