package com.memberpoints.domain.migration;

import java.util.List;

/**
 * One chunk of an import file: its rows, the dry run's check of each (empty until checked), and the run's outcome
 * of each (empty until run); both lists follow {@code lines}' order.
 */
public record ImportChunk(int index, List<ImportLine> lines, List<RowOutcome> checks, List<RowOutcome> results) {
    public ImportChunk {
        lines = List.copyOf(lines);
        checks = List.copyOf(checks);
        results = List.copyOf(results);
        if ((!checks.isEmpty() && checks.size() != lines.size()) || (!results.isEmpty() && results.size() != lines.size())) {
            throw new IllegalArgumentException("outcomes must cover every row of the chunk");
        }
    }

    public boolean checked() {
        return !checks.isEmpty();
    }

    public boolean ran() {
        return !results.isEmpty();
    }
}
