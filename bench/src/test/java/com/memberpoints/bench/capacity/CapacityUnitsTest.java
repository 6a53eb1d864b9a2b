package com.memberpoints.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityUnitsTest {
    @Test
    void unitsRoundUpPerStartedBlock() {
        assertThat(CapacityUnits.writeUnits(1)).isEqualTo(1);
        assertThat(CapacityUnits.writeUnits(1024)).isEqualTo(1);
        assertThat(CapacityUnits.writeUnits(1025)).isEqualTo(2);
        assertThat(CapacityUnits.strongReadUnits(4096)).isEqualTo(1);
        assertThat(CapacityUnits.strongReadUnits(4097)).isEqualTo(2);
    }
}
