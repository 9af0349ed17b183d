package io.coldtrace.api.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

class PublicLinksTest {
    @Test
    void aPageIsTheBaseAndTheGroupedCode() {
        TraceCode code = TraceCode.random();
        assertThat(PublicLinks.page("https://trace.example.com", code))
                .isEqualTo("https://trace.example.com/t/" + code.grouped());
    }

    @Test
    void withoutAConfiguredBaseTheLocalAddressIsUsed() {
        assertThat(PublicLinks.derived(SocketAddress.inetSocketAddress(8080, "127.0.0.1")))
                .isEqualTo("http://127.0.0.1:8080");
        assertThat(PublicLinks.derived(SocketAddress.inetSocketAddress(9000, "::1")))
                .as("an IPv6 address in brackets").matches("http://\\[[0:]+1]:9000");
        assertThat(new PublicLinks("").configured()).isFalse();
        assertThat(new PublicLinks("https://t.example.com").configured()).isTrue();
    }
}
