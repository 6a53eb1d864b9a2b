package com.memberpoints.bench.startup;

import com.memberpoints.functions.platform.ReadsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The functions of template.yaml (logical id → handler class, in template order) and what their handlers read. */
final class StartupFunctions {
    private static final Pattern RESOURCE = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
    private static final Pattern HANDLER = Pattern.compile("^\\s+Handler:\\s*([A-Za-z0-9_.]+)::handleRequest\\s*$");

    private StartupFunctions() {}

    static Map<String, String> handlers(Path template) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String resource = null;
        for (String line : Files.readAllLines(template)) {
            Matcher r = RESOURCE.matcher(line);
            if (r.matches()) {
                resource = r.group(1);
                continue;
            }
            Matcher h = HANDLER.matcher(line);
            if (h.matches() && resource != null) {
                out.put(resource, h.group(1));
            }
        }
        return out;
    }

    /** The environment variables the handler class declares with {@link ReadsEnvironment}. */
    static List<String> reads(String handlerClass) throws ClassNotFoundException {
        ReadsEnvironment reads = Class.forName(handlerClass, false, StartupFunctions.class.getClassLoader())
                .getAnnotation(ReadsEnvironment.class);
        return reads == null ? List.of() : List.of(reads.value());
    }
}
