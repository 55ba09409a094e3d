package dev.quorum.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API token of a Quorum working directory: 32 random bytes from {@link SecureRandom}, base64url (43 characters),
 * made on first start and kept in a file only its owner can read or write ({@code rw-------}). Compared in constant time.
 * Its {@link #toString()} does not show it, so it cannot end up in a log by accident.
 */
public final class ApiToken {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] value;

    private ApiToken(String value) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A token read from its file, or made and written there if the file does not exist.
     *
     * @param token   the token
     * @param created whether it was made now (so it is shown once, now)
     */
    public record Loaded(ApiToken token, boolean created) {
    }

    /**
     * @param file where the token is kept, such as {@code var/server-token}
     * @return the token in it, or a new one written there with owner-only permissions
     * @throws IllegalStateException when the file cannot be read or written, is readable by others, or does not hold a
     *                               token (the message says which file and what to do)
     */
    public static Loaded loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new Loaded(read(file), false);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // written whole to a temporary file, owner-only from its creation, then moved into place: nobody reads half a token
            Path parent = file.toAbsolutePath().getParent();
            Path temp = posix(parent) ? Files.createTempFile(parent, ".server-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(parent, ".server-token", ".tmp");
            try {
                Files.writeString(temp, text + "\n", StandardCharsets.US_ASCII);
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                return new Loaded(read(file), false);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new Loaded(new ApiToken(text), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the API token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ApiToken read(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            throw new IllegalStateException("the API token file " + file + " has permissions "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + ", expected rw------- (owner only):"
                    + " run chmod 600 " + file + ", or delete it to get a new token");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!FORM.matcher(text).matches()) {
            throw new IllegalStateException("the API token file " + file + " does not hold a token (43 characters of A-Z a-z 0-9 _ -);"
                    + " delete it to get a new one");
        }
        return new ApiToken(text);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * @param candidate what a client sent, or null
     * @return whether it is this token (compared in time that does not depend on where they differ)
     */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value, candidate.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the token itself, to print once when it is made or to hand to a test client */
    public String reveal() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "ApiToken[hidden]";
    }
}
