"""Where POSIX asks for more than dash 0.5.12 gives: each case's expected
output is what POSIX says (and yash 2.52, a POSIX shell, prints); dash differs."""
from __future__ import annotations

from conftest import new_machine, run_on

ENV = {"PATH": "/bin:/usr/bin", "HOME": "/home/student", "USER": "student"}


def sh(script: str, *options: str) -> tuple[str, str, int]:
    k = new_machine()
    r = run_on(k, ["/bin/sh", *options, "-c", script, "vshell"], env=ENV)
    return r.out, r.err, r.code


def test_collating_symbols_and_equivalence_classes_name_one_character():
    out, err, status = sh("case a in [[.a.]]) echo 1; esac; case 1 in [[.0.]-[.2.]]) echo 2; esac;"
                          " case 3 in [[.0.]-[.2.]]) echo no; esac; case a in [[=a=]]) echo 3; esac;"
                          " case - in [x[.-.]]) echo 4; esac; case b in [![=a=]]) echo 5; esac")
    assert (out, err, status) == ("1\n2\n3\n4\n5\n", "", 0)


def test_set_h_is_an_option_that_hashes_a_functions_commands_when_defined():
    out, err, status = sh("echo $-; f() { cat /dev/null | wc -l; if true; then ls; fi; }; hash;"
                          " set +h; echo \"[$-]\"", "-h")
    assert (out, err, status) == ("h\n/bin/cat\n/bin/ls\n/bin/wc\n[]\n", "", 0)


def test_a_script_read_from_stdin_has_s_in_dollar_dash():
    out, err, status = sh("echo 'echo $-' | sh; echo 'echo $-' | sh -e -s a")
    assert (out, err, status) == ("s\nse\n", "", 0)


def test_lineno_is_the_line_of_the_command_being_run():
    script = ("echo $LINENO\necho $LINENO\n\necho $LINENO\n: $(echo foo\necho \\\nbaz)\n"
              "echo $LINENO\nf() {\necho $LINENO\n}\nf\nfor i in 1 2; do echo $LINENO\ndone\n"
              "x=$LINENO; echo \"$x $(echo $LINENO)\"")
    out, err, status = sh(script)
    assert (out, err, status) == ("1\n2\n4\n8\n10\n13\n13\n15 15\n", "", 0)


def test_trap_in_a_subshell_lists_the_parents_traps_until_it_sets_its_own():
    out, err, status = sh("trap 'echo i' INT; trap '' QUIT; saved=$(trap); echo \"[$saved]\";"
                          " (trap); (trap - INT; trap); trap - INT QUIT; eval \"$saved\"; trap")
    listing = "trap -- 'echo i' INT\ntrap -- '' QUIT\n"
    assert (out, err, status) == (f"[{listing[:-1]}]\n{listing}trap -- '' QUIT\n{listing}", "", 0)


def test_getopts_unsets_optarg_for_an_option_without_argument_and_at_the_end():
    out, err, status = sh("getopts a: o -a1; echo $OPTARG; getopts b o -b; echo ${OPTARG-unset};"
                          " OPTIND=1; getopts a: o -a1; getopts a: o -a1; echo $? ${OPTARG-unset}")
    assert (out, err, status) == ("1\nunset\n1 unset\n", "", 0)


def test_command_v_writes_absolute_pathnames_for_regular_builtins_and_slashes():
    out, err, status = sh("cd /tmp; >foo; chmod +x foo; command -v echo; command -v cd;"
                          " command -v ./foo; command -V ./foo; command -V echo | grep -c /bin/echo;"
                          " type ./foo")
    assert (out, err, status) == ("/bin/echo\ncd\n/tmp/./foo\n./foo is /tmp/./foo\n1\n"
                                  "./foo is ./foo\n", "", 0)


def test_cd_L_checks_what_comes_before_dot_dot_and_joins_cdpath_entries_ending_in_slash():
    out, err, status = sh("cd /tmp; >file; mkdir dev; cd -L ./file/../dev; echo $?; pwd;"
                          " cd ./nosuch/../dev; echo $?; cd -P ./file/../dev; echo $?;"
                          " CDPATH=/; cd bin; pwd; cd /; cd ..; pwd")
    assert (out, status) == ("2\n/tmp\n2\n2\n/bin\n/bin\n/\n", 0)
    assert err.count("can't cd to") == 3


def test_sh_m_without_a_terminal_turns_job_control_off_instead_of_stopping_itself():
    out, err, status = sh("echo x | cat; echo ok; echo \"[$-]\"", "-m")
    assert (out, err, status) == ("x\nok\n[]\n", "vshell: 0: can't access tty; job control"
                                  " turned off\n", 0)


def test_exec_takes_double_dash_as_the_end_of_its_options():
    out, err, status = sh("exec --; echo $?; exec -- echo hi")
    assert (out, err, status) == ("0\nhi\n", "", 0)


def test_builtins_without_options_take_double_dash_as_their_end():
    out, err, status = sh("alias -- a=b; alias -- a; type -- a; true & wait -- $!; echo $?;"
                          " hash -- cat; echo $?")
    assert (out, err, status) == ("a='b'\na is an alias for b\n0\n0\n", "", 0)


def test_set_o_pipefail_gives_a_pipeline_its_last_failing_commands_status():
    out, err, status = sh("false | true; echo $?; set -o pipefail; false | true; echo $?;"
                          " (exit 3) | (exit 4) | true; echo $?; true | true; echo $?;"
                          " set -o | grep pipefail; set -e; false | true; echo not reached")
    assert (out, err, status) == ("0\n1\n4\n0\npipefail        on\n", "", 1)


def test_case_arm_ending_in_semicolon_ampersand_falls_into_the_next_body():
    out, err, status = sh("case b in a) echo 1;& b) echo 2;& c) echo 3;; d) echo 4; esac;"
                          " case a in a) false;& b) ;; esac; echo $?")
    assert (out, err, status) == ("2\n3\n0\n", "", 0)
    assert sh("echo a;& echo b")[1:] == ('vshell: 1: Syntax error: "&" unexpected\n', 2)


def test_read_d_ends_the_line_at_another_delimiter():
    out, err, status = sh("printf 'a b:c' | { read -d : x y; echo \"[$x][$y] $?\";"
                          " read -d : z; echo \"[$z] $?\"; };"
                          " printf 'p\\nq\\0r' | { IFS= read -r -d '' v; echo \"[$v]\"; }")
    assert (out, err, status) == ("[a][b] 0\n[c] 1\n[p\nq]\n", "", 0)


def test_dollar_single_quotes_decode_backslash_escapes():
    out, err, status = sh("printf '[%s]' $'a\\tb' $'it\\'s' $'\\x41\\101' \"$'x'\"; echo;"
                          " x=$'a b'; echo \"$x\"; case $'\\n' in $'\\n') echo nl; esac")
    assert (out, err, status) == ("[a\tb][it's][AA][$'x']\na b\nnl\n", "", 0)
    assert sh("echo $'\\uD800'x $'\\U0001F600' | wc -c") == ("7\n", "", 0)   # (no surrogate)


def test_octal_escapes_of_the_printf_and_echo_builtins_are_bytes():
    out, err, status = sh("printf '\\303\\251' | wc -c; echo '\\0303\\0251' | wc -c;"
                          " [ \"$(printf '\\303\\251')\" = $'\\u00e9' ] && echo same")
    assert (out, err, status) == ("2\n3\nsame\n", "", 0)


def test_cd_e_fails_when_cd_P_cannot_name_a_removed_directory():
    out, err, status = sh("mkdir /tmp/d; cd /tmp/d; rmdir /tmp/d; cd -P .; echo $? \"[$PWD]\";"
                          " mkdir /tmp/e; cd /tmp/e; rmdir /tmp/e; cd -P -e .; echo $?;"
                          " cd -e /tmp; echo $? $PWD; pwd -P")
    assert (out, status) == ("0 []\n1\n0 /tmp\n/tmp\n", 0)
    assert err == "vshell: 1: cd: getcwd() failed: No such file or directory\n" * 2
