"""Starts function.zip the way Lambda does: java21 (runtime interface client) for a JVM zip, bootstrap for a native or
an aot one (provided.al2023), python3 for the Python peer."""

import calendar
import os
import sys
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from standins import die_with_parent

HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"
RIC_VERSION = "2.10.1"
# The flags the java21 managed runtime starts the JVM with by default (Lambda's java-customization page).
LAMBDA_JVM_FLAGS = ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"]
# The managed runtime gives the heap 85 % of the function's memory (MaxHeapSize=445645k at 512 MB).
HEAP_SHARE = 0.85


class FunctionZip:
    """A function.zip extracted once, as Lambda does at deployment: jvm when it holds no bootstrap, aot when its
    bootstrap comes with a bundled Java runtime (./mvnw package -Daot), native when it holds bootstrap alone."""

    def __init__(self, path, work_dir):
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise SystemExit(f"bench: {path} is missing: run ./mvnw package first (or pass --zip)")
        self.size = self.path.stat().st_size
        self.task_root = Path(tempfile.mkdtemp(dir=work_dir, prefix="task-"))
        with zipfile.ZipFile(self.path) as archive:
            archive.extractall(self.task_root)
            # Lambda keeps the entries' times (read as UTC, its time zone); zipfile does not. The aot zip's cache
            # checks its jars' times, and its bootstrap copies them to /tmp when they are new: keep them, as Lambda.
            for info in archive.infolist():
                stamp = calendar.timegm(info.date_time + (0, 0, -1))
                os.utime(self.task_root / info.filename, (stamp, stamp))
        bootstrap = self.task_root / "bootstrap"
        java = self.task_root / "runtime" / "bin" / "java"
        self.mode = "jvm" if not bootstrap.is_file() else "aot" if java.is_file() else "native"
        for executable in (bootstrap, java):
            if executable.is_file():
                executable.chmod(0o755)  # Lambda keeps the zip's modes; zipfile does not


class PythonPeer:
    """The Python peer (../shared/peer-python): what a user would write instead, run by its own Runtime API loop."""

    mode = "python peer"

    def __init__(self, directory):
        self.path = Path(directory).resolve()
        self.size = None
        if not (self.path / "bootstrap.py").is_file():
            raise SystemExit(f"bench: no bootstrap.py in {self.path} (--peer)")


class RuntimeJars:
    """The runtime interface client and its serialization jar from the local Maven repository."""

    def __init__(self, m2, ric_version=RIC_VERSION):
        base = Path(m2) / "com" / "amazonaws"
        self.ric = base / "aws-lambda-java-runtime-interface-client" / ric_version / \
            f"aws-lambda-java-runtime-interface-client-{ric_version}.jar"
        pom = self.ric.with_suffix(".pom")
        version = self._dependency_version(pom, "aws-lambda-java-serialization")
        self.serialization = base / "aws-lambda-java-serialization" / version / f"aws-lambda-java-serialization-{version}.jar"
        for jar in (self.ric, self.serialization):
            if not jar.is_file():
                raise SystemExit(f"bench: {jar} is missing: run ./mvnw verify once (it fetches the runtime "
                                 f"interface client), or pass --m2 with your Maven repository")

    @staticmethod
    def _dependency_version(pom, artifact):
        if not pom.is_file():
            raise SystemExit(f"bench: {pom} is missing: run ./mvnw verify once, or pass --m2")
        found = re.search(r"<artifactId>" + re.escape(artifact) + r"</artifactId>\s*<version>([^<]+)</version>",
                          pom.read_text())
        if not found:
            raise SystemExit(f"bench: {pom} names no {artifact} version")
        return found.group(1)

    def class_path(self, task_root):
        # The task root and its lib/*.jar first, the runtime's own jars last, as LambdaJavaRuntime does in the IT.
        jars = sorted(str(jar) for jar in (task_root / "lib").glob("*.jar"))
        return os.pathsep.join([str(task_root), *jars, str(self.ric), str(self.serialization)])


def java_executable():
    """java as the user would run it: from JAVA_HOME when set, else from PATH."""
    home = os.environ.get("JAVA_HOME")
    java = Path(home) / "bin" / "java" if home else shutil.which("java")
    if not java or not Path(java).is_file():
        raise SystemExit("bench: no java: set JAVA_HOME or put java on PATH")
    return str(java)


def jvm_flags(memory_mb, extra):
    return [*LAMBDA_JVM_FLAGS, f"-Xmx{int(memory_mb * 1024 * HEAP_SHARE)}k", *extra]


def command(function_zip, java, jars, memory_mb, extra_jvm_flags):
    if function_zip.mode == "python peer":
        return [sys.executable, str(function_zip.path / "bootstrap.py")]
    if function_zip.mode in ("native", "aot"):
        # aot: the bootstrap chooses its own JVM flags (heap from AWS_LAMBDA_FUNCTION_MEMORY_SIZE); --jvm-flag is for jvm.
        return [str(function_zip.task_root / "bootstrap")]
    return [java, *jvm_flags(memory_mb, extra_jvm_flags), "-cp", jars.class_path(function_zip.task_root),
            RIC_MAIN, HANDLER]


def environment(function_zip, runtime_api, memory_mb, function_env):
    """A clean environment like Lambda's: the Lambda variables, the function's own, PATH and JAVA_TOOL_OPTIONS."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "AWS_LAMBDA_RUNTIME_API": runtime_api,
        "_HANDLER": HANDLER,
        "LAMBDA_TASK_ROOT": str(getattr(function_zip, "task_root", function_zip.path)),
        "AWS_LAMBDA_FUNCTION_NAME": "connect-deployer-bench",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(memory_mb),
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/connect-deployer-bench",
        "AWS_LAMBDA_LOG_STREAM_NAME": "bench",
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        **function_env,
    }
    if function_zip.mode in ("aot", "python peer"):
        pass  # provided.al2023 and the peer's own loop: no Java runtime variables
    elif function_zip.mode == "native":
        # What Quarkus asks of native Lambda functions: the runtime, not the binary, handles signals.
        env["DISABLE_SIGNAL_HANDLERS"] = "true"
    else:
        env["AWS_EXECUTION_ENV"] = "AWS_Lambda_java21"
    if "JAVA_TOOL_OPTIONS" in os.environ:
        env["JAVA_TOOL_OPTIONS"] = os.environ["JAVA_TOOL_OPTIONS"]
    return env


def start(cmd, env, log_path):
    log = open(log_path, "wb")
    try:
        return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=die_with_parent)
    finally:
        log.close()


def peak_rss_kib(pid):
    """VmHWM of the process and, recursively, of its children (a native bootstrap or a wrapper may fork)."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += peak_rss_kib(int(child))
    except (FileNotFoundError, ProcessLookupError):
        pass
    return total


def current_rss_kib(pid):
    """VmRSS now (not the peak): what a leak would make climb across a long warm run."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return None


def heap_after_gc_kib(java, pid):
    """Heap in use right after a full GC, through jcmd (JVM mode only): live objects, not garbage not yet collected.
    None when jcmd is missing or cannot attach (a native process, a JRE without jcmd)."""
    jcmd = Path(java).with_name("jcmd") if java else None
    if not jcmd or not jcmd.is_file():
        return None
    try:
        subprocess.run([str(jcmd), str(pid), "GC.run"], capture_output=True, timeout=30, check=True)
        out = subprocess.run([str(jcmd), str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=30, check=True)
    except (subprocess.SubprocessError, OSError):
        return None
    # Serial and Parallel GC list one line per generation, G1 one for its heap; Metaspace is not heap.
    used = [int(m) for m in re.findall(r"(?:generation|heap)\s+total \d+K, used (\d+)K", out.stdout)]
    return sum(used) if used else None


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    lines = (out.stderr or out.stdout).splitlines()
    return lines[0] if lines else "unknown"
