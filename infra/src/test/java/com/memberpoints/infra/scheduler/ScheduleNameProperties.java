package com.memberpoints.infra.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScheduleNameProperties {

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("ABCXYZabcxyz0189._:@+-").ofMinLength(1).ofMaxLength(128);
    }

    @Property
    void everyNameIsAValidSchedulerName(@ForAll("ids") String merchant, @ForAll("ids") String order) {
        String name = EventBridgeAssignmentScheduler.scheduleName(MerchantId.of(merchant), OrderId.of(order));
        assertThat(name).matches("[0-9A-Za-z._-]{1,64}").startsWith("mp-assign-");
    }

    @Property
    void differentOrdersGetDifferentNames(@ForAll("ids") String merchant, @ForAll("ids") String a, @ForAll("ids") String b) {
        String nameA = EventBridgeAssignmentScheduler.scheduleName(MerchantId.of(merchant), OrderId.of(a));
        String nameB = EventBridgeAssignmentScheduler.scheduleName(MerchantId.of(merchant), OrderId.of(b));
        assertThat(nameA.equals(nameB)).isEqualTo(a.equals(b));
    }
}
