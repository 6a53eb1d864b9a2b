package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.domain.settings.SettingsSection;
import com.memberpoints.functions.admin.settings.ActivityLogHandler;
import com.memberpoints.functions.admin.settings.GetSettingsSectionHandler;
import com.memberpoints.functions.admin.settings.SettingsSections;
import com.memberpoints.functions.admin.settings.UpdateSettingsSectionHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settings sections (docs/decisions.md, "11.6 Who may change what"): the authorization matrix of every section ×
 * every permission × read/update, written out here (not derived from the registry) so a change of the registry fails
 * it; one section never overwrites another; per-section If-Match; the activity log names the section.
 */
class SettingsSectionsTest {
    static final String ROUTE = "/v1/admin/settings/{section}";

    static final String MEMBER_POINTS_BODY = """
            {"points":{"enabled":true,"earn":{"enabled":true,"spend":"10.00","points":1},
                       "channels":{"retailEnabled":true},"expiry":{"type":"ANNUAL_DATE","month":12,"day":31},
                       "assignment":{"type":"AFTER_DELIVERY","days":3}},
             "redeem":{"enabled":true,"pointsPerUnit":10,"minimumOrderAmount":"200.00","cap":{"type":"PERCENT","percent":"2"}},
             "rulesText":{"en":"Earn 1 point per 10.00."}}""";
    static final String CREDITS_BODY = """
            {"credits":{"enabled":true,"minimum":"1000.00","type":{"kind":"FIXED","credit":"50.00","cumulative":false},
                        "validity":{"type":"DAYS","days":90}}}""";
    static final String TIERS_BODY = """
            {"tiers":[{"tier":"gold","earn":{"spend":"10.00","points":2},
                       "credits":{"minimum":"500.00","type":{"kind":"PERCENT","percent":"2.5"},"validity":{"type":"NEVER"}}}]}""";
    static final String DELIVERY_OPTIONS_BODY = """
            {"deliveryOptions":{"finalStatus":{"my_locker":"COLLECTED"}}}""";
    static final String REMINDERS_BODY = """
            {"expiryReminders":{"enabled":true,"daysBefore":14,"email":true,"sms":false}}""";
    static final Map<String, String> BODIES = Map.of(
            "member-points", MEMBER_POINTS_BODY, "order-reward-credits", CREDITS_BODY, "membership-tiers", TIERS_BODY,
            "expiry-reminders", REMINDERS_BODY, "delivery-options", DELIVERY_OPTIONS_BODY);


    /** The article's split, written out: section → readers, updaters. */
    static final Map<String, List<Set<Permission>>> MATRIX = Map.of(
            "member-points", List.of(Set.of(Permission.MEMBER_POINTS, Permission.SETTINGS), Set.of(Permission.SETTINGS)),
            "order-reward-credits", List.of(Set.of(Permission.STORE_CREDITS, Permission.SETTINGS),
                    Set.of(Permission.STORE_CREDITS, Permission.SETTINGS)),
            "membership-tiers", List.of(Set.of(Permission.MEMBERSHIP_TIERS, Permission.SETTINGS),
                    Set.of(Permission.MEMBERSHIP_TIERS, Permission.SETTINGS)),
            "expiry-reminders", List.of(Set.of(Permission.MEMBER_POINTS, Permission.SETTINGS), Set.of(Permission.SETTINGS)),
            "delivery-options", List.of(Set.of(Permission.MEMBER_POINTS, Permission.SETTINGS), Set.of(Permission.SETTINGS)));

    final AdminWorld world = newWorld();

    AdminWorld newWorld() {
        return new AdminWorld();
    }
    final GetSettingsSectionHandler get = new GetSettingsSectionHandler(world.services.settings(), world.log().logger());
    final UpdateSettingsSectionHandler put = new UpdateSettingsSectionHandler(world.services.settings(),
            world.log().logger());

    /** The ETag of section {@code name} of a store that saved nothing (the defaults). */
    static String defaultTag(String name) {
        return "\"" + SettingsSections.named(name).orElseThrow().section().tag(MerchantSettings.defaults()) + "\"";
    }

    APIGatewayV2HTTPResponse getAs(String section, Permission... permissions) {
        return call(get, event("GET", ROUTE, Map.of("section", section), Map.of(), Map.of(), null,
                ApiEvents.staff("shop-1", "staff-3", permissions)));
    }

    APIGatewayV2HTTPResponse putAs(String section, String ifMatch, String body, Permission... permissions) {
        Map<String, String> headers = new HashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return call(put, event("PUT", ROUTE, Map.of("section", section), Map.of(), headers, body,
                ApiEvents.staff("shop-1", "staff-3", permissions)));
    }

    String etagOf(String section) {
        return getAs(section, Permission.SETTINGS).getHeaders().get("etag");
    }

    long version() {
        return world.settings.current(SHOP).map(MerchantSettings::version).orElse(0L);
    }

    // ------------------------------------------------------------------ who may change what

    static Stream<Arguments> sectionsTimesPermissions() {
        List<Arguments> out = new ArrayList<>();
        for (String section : MATRIX.keySet()) {
            for (Permission p : Permission.values()) {
                out.add(Arguments.of(section, p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with only {1}")
    @MethodSource("sectionsTimesPermissions")
    void eachPermissionReadsAndUpdatesExactlyTheSectionsTheArticleGivesIt(String section, Permission permission) {
        boolean mayRead = MATRIX.get(section).get(0).contains(permission);
        boolean mayUpdate = MATRIX.get(section).get(1).contains(permission);

        var read = getAs(section, permission);
        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(mayRead ? 200 : 403);
        if (!mayRead) {
            assertThat(read.getBody()).contains("permission").doesNotContain("\"points\"", "\"credits\"", "\"tiers\"");
        }

        var update = putAs(section, defaultTag(section), BODIES.get(section), permission);
        assertThat(update.getStatusCode()).as(update.getBody()).isEqualTo(mayUpdate ? 200 : 403);
        assertThat(version()).as("a refused update writes nothing").isEqualTo(mayUpdate ? 1 : 0);
        if (mayUpdate) {
            assertThat(world.activity().getFirst().section()).isEqualTo(section);
            assertThat(world.activity().getFirst().actor()).isEqualTo(Actor.staff("staff-3"));
        } else {
            assertThat(world.activity()).isEmpty();
        }
    }

    @Test
    void theRegistryIsTheMatrixAndOwnsEveryPartOfTheSettingsExactlyOnce() {
        assertThat(SettingsSections.all()).extracting(SettingsSections.Entry::name)
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
        for (SettingsSections.Entry e : SettingsSections.all()) {
            assertThat(e.readers()).as(e.name() + " readers").isEqualTo(MATRIX.get(e.name()).get(0));
            assertThat(e.updaters()).as(e.name() + " updaters").isEqualTo(MATRIX.get(e.name()).get(1));
        }
        List<String> owned = SettingsSections.all().stream().flatMap(e -> e.section().components().stream()).toList();
        assertThat(owned).as("every part of MerchantSettings belongs to exactly one section (register new parts)")
                .containsExactlyInAnyOrderElementsOf(SettingsSection.componentNames());
    }

    @Test
    void anUnknownSectionIsNotFoundForStaffAndTellsOthersNothing() {
        assertThat(getAs("loyalty", Permission.values()).getStatusCode()).isEqualTo(404);
        assertThat(putAs("loyalty", defaultTag("member-points"), MEMBER_POINTS_BODY, Permission.values())
                .getStatusCode()).isEqualTo(404);
        var member = call(get, event("GET", ROUTE, Map.of("section", "loyalty"), Map.of(), Map.of(), null,
                ApiEvents.member("shop-1", "mem-42")));
        assertThat(member.getStatusCode()).isEqualTo(403);
        var anonymous = call(get, event("GET", ROUTE, Map.of("section", "member-points"), Map.of(), Map.of(), null,
                ApiEvents.noToken()));
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ one section never overwrites another

    @Test
    void eachSectionReadsOnlyItsOwnPartsInTheWholeDocumentsForm() {
        assertThat(getAs("member-points", Permission.MEMBER_POINTS).getBody())
                .contains("\"points\":", "\"redeem\":", "\"rulesText\":").doesNotContain("\"tiers\"", "\"credits\"");
        assertThat(getAs("order-reward-credits", Permission.STORE_CREDITS).getBody())
                .contains("\"credits\":{").doesNotContain("\"points\"", "\"tiers\"");
        assertThat(getAs("membership-tiers", Permission.MEMBERSHIP_TIERS).getBody())
                .isEqualTo("{\"tiers\":[]}");
    }

    @Test
    void updatingOneSectionKeepsEveryOtherPartAsStored() {
        assertThat(putAs("member-points", etagOf("member-points"), MEMBER_POINTS_BODY, Permission.SETTINGS)
                .getStatusCode()).isEqualTo(200);
        assertThat(putAs("membership-tiers", etagOf("membership-tiers"), TIERS_BODY, Permission.MEMBERSHIP_TIERS)
                .getStatusCode()).isEqualTo(200);
        MerchantSettings before = world.settings.current(SHOP).orElseThrow();

        var saved = putAs("order-reward-credits", etagOf("order-reward-credits"), CREDITS_BODY, Permission.STORE_CREDITS);

        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(saved.getBody()).contains("\"section\":\"order-reward-credits\"", "\"settingsVersion\":3",
                "\"field\":\"credits.enabled\",\"section\":\"order-reward-credits\",\"old\":\"false\",\"new\":\"true\"");
        MerchantSettings after = world.settings.current(SHOP).orElseThrow();
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.points()).isEqualTo(before.points());
        assertThat(after.redeem()).isEqualTo(before.redeem());
        assertThat(after.tiers()).isEqualTo(before.tiers()).hasSize(1);
        assertThat(after.rulesText()).isEqualTo(before.rulesText());
        assertThat(after.credits().enabled()).isTrue();
        // every change is a new version an order can bind
        assertThat(world.settings.byVersion(SHOP, 2)).contains(before);
        assertThat(world.settings.byVersion(SHOP, 3)).contains(after);
        assertThat(world.activity()).extracting(e -> e.section())
                .containsExactly("order-reward-credits", "membership-tiers", "member-points");
    }

    @Test
    void aConcurrentUpdateOfAnotherSectionIsNeitherLostNorAConflict() {
        String creditsTag = etagOf("order-reward-credits");
        String tiersTag = etagOf("membership-tiers");
        // staff A reads the credits, staff B saves the tiers meanwhile (the settings version moves on)
        assertThat(putAs("membership-tiers", tiersTag, TIERS_BODY, Permission.MEMBERSHIP_TIERS).getStatusCode())
                .isEqualTo(200);

        var a = putAs("order-reward-credits", creditsTag, CREDITS_BODY, Permission.STORE_CREDITS);

        assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(200);
        MerchantSettings now = world.settings.current(SHOP).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.tiers()).hasSize(1);
        assertThat(now.credits().enabled()).isTrue();
        assertThat(etagOf("membership-tiers")).as("B's section is untouched by A").isNotEqualTo(tiersTag)
                .isEqualTo(putAs("membership-tiers", etagOf("membership-tiers"), TIERS_BODY, Permission.SETTINGS)
                        .getHeaders().get("etag"));
    }

    @Test
    void aStaleTagOfTheSameSectionIs412AndAMissingOrMalformedOneIs400NamingIfMatch() {
        String tag = etagOf("order-reward-credits");
        assertThat(putAs("order-reward-credits", tag, CREDITS_BODY, Permission.STORE_CREDITS).getStatusCode())
                .isEqualTo(200);
        var stale = putAs("order-reward-credits", tag, CREDITS_BODY.replace("\"days\":90", "\"days\":30"),
                Permission.STORE_CREDITS);
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(stale.getBody()).contains("order-reward-credits");
        var none = putAs("order-reward-credits", null, CREDITS_BODY, Permission.STORE_CREDITS);
        assertThat(none.getStatusCode()).isEqualTo(400);
        assertThat(none.getBody()).contains("\"field\":\"If-Match\"");
        var version = putAs("order-reward-credits", "\"1\"", CREDITS_BODY, Permission.STORE_CREDITS);
        assertThat(version.getStatusCode()).as("a document version is not a section tag").isEqualTo(400);
        assertThat(version.getBody()).contains("\"field\":\"If-Match\"");
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void savingTheSameContentChangesNothingAndLogsNothing() {
        String tag = etagOf("member-points");
        var first = putAs("member-points", tag, MEMBER_POINTS_BODY, Permission.SETTINGS);
        var again = putAs("member-points", first.getHeaders().get("etag"), MEMBER_POINTS_BODY, Permission.SETTINGS);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).contains("\"changes\":[]", "\"settingsVersion\":1");
        assertThat(again.getHeaders().get("etag")).isEqualTo(first.getHeaders().get("etag")).isNotEqualTo(tag);
        assertThat(world.activity()).hasSize(1);
    }

    // ------------------------------------------------------------------ validation, in the section's own words

    @Test
    void onlyTheSectionsOwnFieldsAreValidatedAndNamedAsSent() {
        var bad = putAs("order-reward-credits", etagOf("order-reward-credits"),
                CREDITS_BODY.replace("\"credit\":\"50.00\"", "\"credit\":\"0\""), Permission.STORE_CREDITS);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("\"field\":\"credits.type.credit\"");
        var unknownTier = putAs("membership-tiers", etagOf("membership-tiers"), TIERS_BODY.replace("gold", "platinum"),
                Permission.MEMBERSHIP_TIERS);
        assertThat(unknownTier.getBody()).contains("\"field\":\"tiers[0].tier\"");
        var foreign = putAs("order-reward-credits", etagOf("order-reward-credits"),
                CREDITS_BODY.replace("{\"credits\"", "{\"tiers\":[],\"credits\""), Permission.STORE_CREDITS);
        assertThat(foreign.getStatusCode()).isEqualTo(400);
        assertThat(foreign.getBody()).contains("\"field\":\"tiers\"", "is not a known field");

        // a tier override left invalid by a store-profile change (tier removed) does not block another section
        assertThat(putAs("membership-tiers", etagOf("membership-tiers"), TIERS_BODY, Permission.MEMBERSHIP_TIERS)
                .getStatusCode()).isEqualTo(200);
        world.merchants.save(new com.memberpoints.domain.merchant.Merchant(SHOP, "Shop shop-1",
                java.util.Currency.getInstance("TWD"), java.time.ZoneId.of("Asia/Taipei"), java.util.Locale.ENGLISH,
                Set.of(), true, true, Set.of()));
        var credits = putAs("order-reward-credits", etagOf("order-reward-credits"), CREDITS_BODY, Permission.STORE_CREDITS);
        assertThat(credits.getStatusCode()).as(credits.getBody()).isEqualTo(200);
        assertThat(world.settings.current(SHOP).orElseThrow().tiers()).as("left as stored").hasSize(1);
        assertThat(world.activity()).isNotEmpty().allSatisfy(e -> assertThat(e.changes())
                .allSatisfy(c -> assertThat(SettingsSections.named(e.section()).orElseThrow().section().owns(c.field()))
                        .as(c.field() + " logged under " + e.section()).isTrue()));
    }

    // ------------------------------------------------------------------ the activity log names the section

    @Test
    void theActivityLogNamesTheSectionOfEveryEntryAndEveryChange() {
        putAs("order-reward-credits", etagOf("order-reward-credits"), CREDITS_BODY, Permission.STORE_CREDITS);
        var log = call(new ActivityLogHandler(world.settings, world.log().logger()),
                event("GET", "/v1/admin/activity-log", Map.of(), Map.of(), Map.of(), null,
                        ApiEvents.staff("shop-1", "boss", Permission.SETTINGS)));
        assertThat(log.getStatusCode()).isEqualTo(200);
        assertThat(log.getBody()).contains("\"section\":\"order-reward-credits\",\"changedBy\":\"staff-3\"",
                "\"field\":\"credits.type.credit\",\"section\":\"order-reward-credits\",\"old\":\"10\",\"new\":\"50\"");
        assertThat(world.activity().getFirst().changes()).contains(
                new SettingChange("credits.validity.days", Optional.empty(), Optional.of("90")));
    }

    @Test
    void noOtherPermissionCombinationUnlocksAnUpdate() {
        // every permission but the section's updaters, together: still 403 on each section
        for (String section : MATRIX.keySet()) {
            EnumSet<Permission> others = EnumSet.complementOf(EnumSet.copyOf(MATRIX.get(section).get(1)));
            var r = putAs(section, defaultTag(section), BODIES.get(section), others.toArray(Permission[]::new));
            assertThat(r.getStatusCode()).as(section).isEqualTo(403);
        }
        assertThat(version()).isZero();
    }
}
