"""The interpreter's options and environment as sys shows them: flags, warnoptions,
_xoptions, stream buffering and encoding -- each python started afresh."""
import os

SHOW = ("import sys; f = sys.flags; print(f.optimize, f.dont_write_bytecode, f.verbose, "
        "f.ignore_environment, f.isolated, f.safe_path, f.dev_mode, f.utf8_mode, "
        "f.bytes_warning, f.quiet, f.no_user_site, sys.warnoptions, sys._xoptions, "
        "sys.stdout.write_through, sys.stdout.encoding, sys.stdout.errors, '' in sys.path)")
RUNS = [
    ([], {}),
    (["-O", "-B", "-q", "-s"], {}),
    (["-OO", "-bb", "-W", "ignore", "-Wdefault::DeprecationWarning"], {}),
    (["-X", "dev", "-X", "utf8=0", "-X", "foo=bar"], {}),
    ([], {"PYTHONOPTIMIZE": "2", "PYTHONDONTWRITEBYTECODE": "x", "PYTHONWARNINGS": "error,ignore"}),
    (["-E"], {"PYTHONOPTIMIZE": "1", "PYTHONUNBUFFERED": "1"}),
    (["-I"], {"PYTHONOPTIMIZE": "1"}),
    ([], {"PYTHONUNBUFFERED": "0", "PYTHONIOENCODING": "latin-1:replace"}),
    (["-u"], {"LC_ALL": "C"}),
    ([], {"PYTHONUTF8": "1", "PYTHONDEVMODE": "1"}),
]
for options, env in RUNS:
    pid = os.fork()
    if pid == 0:
        os.execvpe("python", ["python", *options, "-c", SHOW], dict(os.environ, **env))
    os.waitpid(pid, 0)
    print("   ", options, env, flush=True)
