import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Re-writes a zip so the same content always gives the same bytes: entries sorted by name, one fixed time
 * (project.build.outputTimestamp, as written, no time zone), Unix modes 0644 (0755 for `bootstrap`, the
 * programs of a bundled Java runtime and directories), no extra fields, no comment; files deflated at level 9 (the
 * same JDK gives the same bytes). Run by the pom after Quarkus writes target/function.zip (and by AotPackage):
 *
 *   java src/build/NormalizeZip.java target/function.zip 2026-01-01T00:00:00Z
 */
public class NormalizeZip {

    public static void main(String[] args) throws IOException {
        Path zip = Path.of(args[0]);
        if (!Files.exists(zip)) {
            System.out.println("NormalizeZip: no " + zip + ", nothing to do");
            return;
        }
        LocalDateTime time = OffsetDateTime.parse(args[1]).toLocalDateTime();
        int dosTime = (time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2);
        int dosDate = ((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth();

        List<String> names = new ArrayList<>();
        Path tmp = zip.resolveSibling(zip.getFileName() + ".normalized");
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream out = Files.newOutputStream(tmp)) {
            in.stream().forEach(e -> names.add(e.getName()));
            Collections.sort(names);
            if (names.size() >= 0xFFFF) throw new IOException("too many entries for a zip without zip64");
            ByteArrayOutputStream central = new ByteArrayOutputStream();
            long offset = 0;
            for (String name : names) {
                ZipEntry entry = in.getEntry(name);
                boolean dir = entry.isDirectory();
                byte[] data = dir ? new byte[0] : in.getInputStream(entry).readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(data);
                boolean store = dir;
                byte[] stored = store ? data : deflate(data);
                int mode = dir ? 040755 : executable(name) ? 0100755 : 0100644;
                byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int version = store ? 10 : 20;

                ByteArrayOutputStream local = new ByteArrayOutputStream();
                int32(local, 0x04034b50);
                entryFields(local, version, store, dosTime, dosDate, crc.getValue(), stored.length, data.length, nameBytes.length);
                local.write(nameBytes);
                local.writeTo(out);
                out.write(stored);

                int32(central, 0x02014b50);
                int16(central, (3 << 8) | 20); // made by Unix, so the modes count
                entryFields(central, version, store, dosTime, dosDate, crc.getValue(), stored.length, data.length, nameBytes.length);
                int16(central, 0); // file comment length
                int16(central, 0); // disk number
                int16(central, 0); // internal attributes
                int32(central, ((long) mode << 16) | (dir ? 0x10 : 0));
                int32(central, offset);
                central.write(nameBytes);

                offset += local.size() + stored.length;
                if (offset > 0xFFFFFFFFL) throw new IOException("zip larger than 4 GB");
            }
            central.writeTo(out);
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            int32(end, 0x06054b50);
            int16(end, 0);
            int16(end, 0);
            int16(end, names.size());
            int16(end, names.size());
            int32(end, central.size());
            int32(end, offset);
            int16(end, 0);
            end.writeTo(out);
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("NormalizeZip: " + zip + ", " + names.size() + " entries, time " + time);
    }

    /** Lambda keeps the zip's modes: what it runs must be 0755 (bootstrap, and runtime/bin/java of the aot zip). */
    private static boolean executable(String name) {
        return name.equals("bootstrap") || name.endsWith("/bootstrap") || name.startsWith("runtime/bin/")
                || name.equals("runtime/lib/jspawnhelper");
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * The fields a local header and its central directory entry share, from "version needed" to "extra field
     * length" (always 0: no extra fields, so no build-dependent timestamps).
     */
    private static void entryFields(ByteArrayOutputStream out, int version, boolean stored, int dosTime, int dosDate,
            long crc, long compressedSize, long size, int nameLength) {
        int16(out, version);
        int16(out, 0x0800); // names are UTF-8
        int16(out, stored ? 0 : 8);
        int16(out, dosTime);
        int16(out, dosDate);
        int32(out, crc);
        int32(out, compressedSize);
        int32(out, size);
        int16(out, nameLength);
        int16(out, 0);
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, long value) {
        int16(out, (int) (value & 0xFFFF));
        int16(out, (int) ((value >>> 16) & 0xFFFF));
    }
}
