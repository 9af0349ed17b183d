package io.coldtrace.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAreUrlSafeAndCarry256RandomBits() {
        String a = Tokens.generate();
        assertThat(a).matches("ct_[A-Za-z0-9_-]{43}");
        assertThat(Tokens.generate()).isNotEqualTo(a);
    }

    @Test
    void theHashIsHexSha256() {
        assertThat(Tokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void createTokenArgumentsAreParsedAndValidated() {
        assertThat(CreateTokenCommand.Args.parse(List.of("--role", "QA", "--name", "lab", "--org", "o1")))
                .isEqualTo(new CreateTokenCommand.Args(Role.QA, "lab", "o1", null));
        assertThat(CreateTokenCommand.Args.parse(List.of("--role", "authority", "--name", "bureau", "--org", "o1",
                "--region", "500238")))
                .isEqualTo(new CreateTokenCommand.Args(Role.AUTHORITY, "bureau", "o1", "500238"));
        assertThatThrownBy(() -> CreateTokenCommand.Args.parse(List.of("--name", "x")))
                .hasMessageContaining("--role is required");
        assertThatThrownBy(() -> CreateTokenCommand.Args.parse(List.of("--role", "admin", "--name")))
                .hasMessageContaining("--name needs a value");
        assertThatThrownBy(() -> CreateTokenCommand.Args.parse(List.of("--role", "admin", "--nme", "x")))
                .hasMessageContaining("unknown option --nme");
    }
}
