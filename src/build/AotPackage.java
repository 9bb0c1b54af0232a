import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds target/function-aot.zip for provided.al2023 from target/function.zip (the -Daot profile runs it with JDK 25):
 *
 *   bootstrap        src/build/aot/bootstrap, the only thing Lambda runs
 *   runtime/         a jlink'd JDK 25 with only the modules the function needs, stripped
 *   app.jar          function.zip's root (our classes and Quarkus's generated ones) as one jar: CDS and the AOT
 *                    cache take classes from jars only, never from directories
 *   lib/*.jar        function.zip's lib/, unchanged
 *   ric/*.jar        the Lambda Java runtime interface client (without its JNI libraries) and its serialization jar
 *   ric/libaws-lambda-jni.so
 *                    the client's JNI library for linux-x86_64, unpacked once here: bootstrap names it, so no start
 *                    copies it out of the jar to /tmp (the client's default), and the other platforms' stay out
 *   classpath.args   -cp with all of the above, relative, in the order the managed runtime uses
 *   jar-mtime        the modification time (epoch seconds) every jar had in training: the zip entries' time
 *   app.aot          the AOT cache (JEP 483/514/515) from a training run of bootstrap itself (AotTraining)
 *
 *   java src/build/AotPackage.java <function.zip> <ric dir> <bootstrap> <modules> <work dir> <out zip>
 *        <outputTimestamp> <memory MB>
 */
public class AotPackage {

    /** Lambda's limit for a function's unzipped code. */
    private static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;
    /** Lambda's limit for a zip uploaded directly; larger ones go through S3 (the module's function_s3). */
    private static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 25) {
            throw new IllegalStateException("the aot build needs JDK 25 (AOT cache, JEP 514/515); this is "
                    + Runtime.version() + " at " + System.getProperty("java.home") + ": pass -Djdk25.home=<a JDK 25>");
        }
        Path functionZip = Path.of(args[0]);
        Path ricDir = Path.of(args[1]);
        Path bootstrap = Path.of(args[2]);
        String modules = args[3];
        Path work = Path.of(args[4]);
        Path out = Path.of(args[5]);
        String timestamp = args[6];
        int memoryMb = Integer.parseInt(args[7]);

        deleteTree(work);
        Path task = Files.createDirectories(work.resolve("task"));
        List<String> classPath = new ArrayList<>();
        classPath.add("app.jar");
        classPath.addAll(unpackFunctionZip(functionZip, task));
        classPath.addAll(copyRuntimeInterfaceClient(ricDir, task));
        Files.writeString(task.resolve("classpath.args"), "-cp " + String.join(":", classPath) + "\n");
        Files.copy(bootstrap, task.resolve("bootstrap"));
        task.resolve("bootstrap").toFile().setExecutable(true, false);
        jlink(modules, task.resolve("runtime"));
        // The cache records each jar's time; give them the one the zip's entries carry (outputTimestamp).
        FileTime jarTime = FileTime.from(OffsetDateTime.parse(timestamp).toInstant());
        for (String jar : classPath) {
            Files.setLastModifiedTime(task.resolve(jar), jarTime);
        }
        Files.writeString(task.resolve("jar-mtime"), jarTime.to(TimeUnit.SECONDS) + "\n");

        long started = System.nanoTime();
        AotTraining.train(task, task.resolve("app.aot").toAbsolutePath().toString(), memoryMb, work.resolve("training.log"));
        System.out.printf("AotPackage: trained %s (%d MB) in %d s%n", task.resolve("app.aot"),
                Files.size(task.resolve("app.aot")) >> 20, (System.nanoTime() - started) / 1_000_000_000);

        long unzipped = treeSize(task);
        if (unzipped > UNZIPPED_LIMIT) {
            throw new IllegalStateException("unzipped " + (unzipped >> 20) + " MB: over Lambda's 250 MB limit");
        }
        zip(task, out);
        NormalizeZip.main(new String[] { out.toString(), timestamp });
        long zipped = Files.size(out);
        System.out.printf("AotPackage: %s, %d MB zipped, %d MB unzipped%s%n", out, zipped >> 20, unzipped >> 20,
                zipped > DIRECT_UPLOAD_LIMIT ? " (over 50 MB: upload through S3, the module's function_s3)" : "");
    }

    /** lib/ as it is; the rest of function.zip into app.jar, without the manifest's Class-Path (the -cp says it all). */
    private static List<String> unpackFunctionZip(Path functionZip, Path task) throws IOException {
        List<String> libs = new ArrayList<>();
        Files.createDirectories(task.resolve("lib"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (ZipFile zip = new ZipFile(functionZip.toFile());
                JarOutputStream app = new JarOutputStream(Files.newOutputStream(task.resolve("app.jar")))) {
            for (ZipEntry entry : zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                String name = entry.getName();
                if (name.startsWith("lib/")) {
                    if (!entry.isDirectory()) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, task.resolve(name));
                        }
                        libs.add(name);
                    }
                } else if (name.equals("META-INF/MANIFEST.MF")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        manifest = new Manifest(in);
                    }
                    manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
                } else {
                    app.putNextEntry(new ZipEntry(name));
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(app);
                    }
                    app.closeEntry();
                }
            }
            app.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            manifest.write(app);
            app.closeEntry();
        }
        if (libs.isEmpty()) {
            throw new IllegalStateException(functionZip + " has no lib/: not a JVM build's zip (built with -Dnative?)");
        }
        return libs;
    }

    private static List<String> copyRuntimeInterfaceClient(Path ricDir, Path task) throws IOException {
        Files.createDirectories(task.resolve("ric"));
        List<String> jars = new ArrayList<>();
        try (Stream<Path> found = Files.list(ricDir)) {
            for (Path jar : found.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                Path copy = task.resolve("ric").resolve(jar.getFileName());
                if (jar.getFileName().toString().contains("aws-lambda-java-runtime-interface-client")) {
                    splitJniLibrary(jar, copy, task.resolve(JNI_LIBRARY));
                } else {
                    Files.copy(jar, copy);
                }
                jars.add("ric/" + jar.getFileName());
            }
        }
        if (!Files.isRegularFile(task.resolve(JNI_LIBRARY))) {
            throw new IllegalStateException(ricDir + " holds no aws-lambda-java-runtime-interface-client jar with " + JNI_ENTRY);
        }
        return jars;
    }

    /** The client's JNI library bootstrap loads (src/build/aot/bootstrap names this path). */
    private static final String JNI_LIBRARY = "ric/libaws-lambda-jni.so";
    private static final String JNI_ENTRY = "jni/libaws-lambda-jni.linux-x86_64.so";

    /** The jar without its jni/ libraries (four platforms, 3.7 MB), and the x86_64 one as a file of its own. */
    private static void splitJniLibrary(Path jar, Path copy, Path library) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals(JNI_ENTRY)) {
                        Files.copy(in, library);
                    } else if (!entry.getName().startsWith("jni/")) {
                        ZipEntry kept = new ZipEntry(entry.getName());
                        kept.setTime(entry.getTime()); // the same bytes from every build
                        out.putNextEntry(kept);
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    /** No debug attributes, headers or man pages; no --compress, since the zip compresses it and Lambda starts it. */
    private static void jlink(String modules, Path output) throws IOException, InterruptedException {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Process process = new ProcessBuilder(jlink.toString(), "--add-modules", modules, "--strip-debug",
                "--no-header-files", "--no-man-pages", "--output", output.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jlink failed with " + process.exitValue());
        }
    }

    /** Every file of the task root; NormalizeZip then sets order, times and modes (0755 for bootstrap and runtime/bin/). */
    private static void zip(Path root, Path out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out)); Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static long treeSize(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
