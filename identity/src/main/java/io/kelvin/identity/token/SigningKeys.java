package io.kelvin.identity.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The EC P-256 key pair that signs Kelvin's access tokens (ES256), generated once into a folder
 * ({@code DATA_DIR/keys}) as PEM files: {@code token-signing.key} (PKCS#8, owner read/write only) and
 * {@code token-signing.pub} (X.509). The key id is the first 16 hex digits of the SHA-256 of the public key.
 */
public record SigningKeys(PrivateKey privateKey, PublicKey publicKey, String keyId) {

    static final String PRIVATE_FILE = "token-signing.key";
    static final String PUBLIC_FILE = "token-signing.pub";

    /** Reads the pair from {@code dir}, or generates and writes it there when the folder has none. */
    public static SigningKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                KeyFactory ec = KeyFactory.getInstance("EC");
                PrivateKey privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
                PublicKey publicKey = ec.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
                return new SigningKeys(privateKey, publicKey, keyId(publicKey));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
            return new SigningKeys(pair.getPrivate(), pair.getPublic(), keyId(pair.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException("token signing keys in " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(dir.resolve(PRIVATE_FILE) + ": not a usable EC key pair: " + e.getMessage(), e);
        }
    }

    /** A fresh pair kept in memory only (tests: a token signed by a key Kelvin does not have). */
    public static SigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new SigningKeys(pair.getPrivate(), pair.getPublic(), keyId(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JDK", e);
        }
    }

    private static String keyId(PublicKey key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (secret && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
