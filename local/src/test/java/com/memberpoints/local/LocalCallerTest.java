package com.memberpoints.local;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCallerTest {

    @Test
    void formEncodedClaimsWinOverTheBearerToken() {
        assertThat(LocalCaller.claims(Optional.of("merchant_id=demo&member_id=a%40b.c"), Optional.of("Bearer x.y.z")))
                .contains(Map.of("merchant_id", "demo", "member_id", "a@b.c"));
    }

    @Test
    void jwtPayloadClaimsAreFlattenedLikeApiGateway() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"merchant_id\":\"demo\",\"staff_id\":\"bob\",\"permissions\":[\"settings\",\"reports\"],\"exp\":1700000000}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(LocalCaller.fromToken("h." + payload + ".sig")).isEqualTo(Map.of(
                "merchant_id", "demo", "staff_id", "bob", "permissions", "[settings reports]", "exp", "1700000000"));
        assertThat(LocalCaller.fromToken(payload)).containsEntry("staff_id", "bob");
    }

    @Test
    void unreadableCredentialsAreRefused() {
        assertThatThrownBy(() -> LocalCaller.claims(Optional.empty(), Optional.of("Basic abc")))
                .isInstanceOf(LocalCaller.BadCredential.class);
        assertThatThrownBy(() -> LocalCaller.fromForm("merchant_id")).isInstanceOf(LocalCaller.BadCredential.class);
        assertThatThrownBy(() -> LocalCaller.fromToken("a.W10.b")).isInstanceOf(LocalCaller.BadCredential.class); // [] payload
        assertThat(LocalCaller.claims(Optional.empty(), Optional.empty())).isEmpty();
    }
}
