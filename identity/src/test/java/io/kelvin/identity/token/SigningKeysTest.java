package io.kelvin.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @Test
    void keyPairIsGeneratedOnceAndReadBackWithThePrivateKeyOwnerOnly(@TempDir Path dir) throws Exception {
        SigningKeys first = SigningKeys.loadOrCreate(dir.resolve("keys"));
        SigningKeys again = SigningKeys.loadOrCreate(dir.resolve("keys"));

        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/token-signing.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("keys/token-signing.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}
