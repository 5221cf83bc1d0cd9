### echo simple
echo hello world
### echo -n
echo -n abc; echo def
### echo escapes (dash interprets them)
echo 'a\tb\nc'
### single quotes
echo 'a  b' '$HOME' 'x"y'
### double quotes keep spaces
x='a   b'; echo "$x" $x
### backslash outside quotes
echo a\ b \$x \\ c
### backslash in double quotes
echo "a\$b \"q\" \\ \x"
### empty string argument
printf '[%s]\n' "" '' x
### adjacent quoting
echo "a"'b'c"d e"
### parameter default
unset u; echo ${u:-default} ${u-dash}; u=; echo "[${u:-d}]" "[${u-d}]"
### quotes inside ${...} quote, single ones too
unset x; echo ${x:-'}'} ${x:-"}"} ${x:-'a  b'}; y=5; echo ${y:+'a b}'}
### single quotes inside "${...}" are ordinary characters
unset x; echo "${x:-'}" "${x:-'a}'}"
### an unterminated quote inside ${...}
echo ${x:-'}
### parameter assign default
unset v; echo ${v:=set}; echo $v
### parameter alternative
a=1; unset b; echo "[${a:+alt}]" "[${b:+alt}]"
### parameter error
unset z; echo ${z:?is missing}; echo not reached
### parameter error default message
unset z; (echo ${z?}); echo status $?
### length
s=hello; echo ${#s}
### prefix removal
p=/usr/local/bin/prog.tar.gz; echo ${p#*/} ${p##*/}
### suffix removal
p=/usr/local/bin/prog.tar.gz; echo ${p%.*} ${p%%.*}
### pattern with quotes
p='a*b*c'; echo "${p#'a*'}" ${p#a\*}
### positional parameters
set -- a b c; echo $# $1 $2 $3 "$*"
### shift
set -- a b c; shift; echo $@; shift 2; echo $#
### shift too far
set -- a; shift 3; echo after
### $@ quoted preserves words
set -- 'a b' c; for w in "$@"; do echo "[$w]"; done
### $* with IFS
set -- a b c; IFS=:; echo "$*"
### empty $@
set --; for w in "$@"; do echo x; done; echo done
### $0 and ${10}
set -- 1 2 3 4 5 6 7 8 9 10 11; echo $0 ${10} ${11}
### $? after false
false; echo $?; true; echo $?
### $$ is a number
case $$ in *[!0-9]*) echo no;; *) echo yes;; esac
### command substitution
echo "today: $(echo x y)"
### command substitution strips newlines
x=$(printf 'a\n\n\n'); echo "[$x]"
### nested command substitution
echo $(echo $(echo deep))
### backquotes
echo `echo back quoted`
### substitution status
x=$(false); echo $?
### arithmetic basic
echo $((1 + 2 * 3)) $(( (1+2)*3 )) $((7/2)) $((-7/2)) $((7%3))
### arithmetic variables
a=5; b=3; echo $((a*b)) $(($a+$b)) $((a<b)) $((a>b && b>1))
### arithmetic assignment
x=1; : $((x+=4)); echo $x; echo $((y=7)); echo $y
### arithmetic ternary and bits
echo $((1?2:3)) $((0?2:3)) $((5&3)) $((5|3)) $((5^3)) $((1<<4)) $((~0))
### arithmetic hex and octal
echo $((0x10)) $((010)) $((10))
### arithmetic division by zero
echo $((1/0)); echo after
### tilde
HOME=/home/test; echo ~ ~/x "~"
### field splitting default
x='  a  b  c  '; set -- $x; echo $#
### field splitting custom IFS
x='a:b::c'; IFS=:; set -- $x; echo $#; echo "$1|$2|$3|$4"
### no splitting of quoted
x='a b'; set -- "$x"; echo $#
### empty expansion vanishes
e=; set -- $e; echo $#; set -- "$e"; echo $#
### globbing no match stays literal
echo *.nomatch
### globbing matches
touch_() { : > "$1"; }; touch_ b.txt; touch_ a.txt; touch_ c.log; echo *.txt; echo ?.log
### globbing quoted is literal
: > x.txt; echo "*.txt" '*'.txt
### globbing brackets
: > a1; : > a2; : > b1; echo a[12] [ab]1 [!a]1
### set -f disables globbing
: > g.txt; set -f; echo *.txt; set +f; echo *.txt
### hidden files not matched
: > .hidden; : > vis; echo *
### assignment prefix is temporary
x=1; x=2 true; echo $x
### assignment to function env
f() { echo "in f: $v"; }; v=local f; echo "after: [$v]"
### export to child
export E=exported; sh -c 'echo $E'
### unexported not seen by child
N=notexported; sh -c 'echo "[$N]"'
### unset
x=1; unset x; echo "[${x-unset}]"
### pipeline
echo hello | { read x; echo "got $x"; }
### pipeline status is last
false | true; echo $?; true | false; echo $?
### negated pipeline
! false; echo $?; ! true; echo $?
### and or lists
true && echo and; false || echo or; false && echo no; true || echo no2; echo end
### and or chain
false && echo a || echo b && echo c
### semicolons and newlines
echo a; echo b
echo c
### background and wait
sleep_() { :; }; { echo bg; } & wait; echo done
### brace group
{ echo one; echo two; } | { read a; read b; echo "$b $a"; }
### group keeps variables
x=1; { x=2; }; echo $x
### subshell isolates variables
x=1; (x=2; echo in $x); echo out $x
### subshell status
(exit 3); echo $?
### subshell cd does not leak
cd /; (cd /tmp); pwd
### if elif else
for n in 1 2 3; do if [ $n = 1 ]; then echo one; elif [ $n = 2 ]; then echo two; else echo other; fi; done
### if status with no branch taken
if false; then :; fi; echo $?
### while loop
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
### until loop
i=0; until [ $i -ge 2 ]; do echo u$i; i=$((i+1)); done
### for with list
for x in a b c; do echo -$x-; done
### for over positional
set -- p q; for x; do echo $x; done
### break and continue
for i in 1 2 3 4 5; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done
### nested break 2
for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done; echo out
### case patterns
for w in apple banana cherry 42 x; do case $w in a*) echo A;; b*|c*) echo BC;; [0-9]*) echo N;; *) echo other;; esac; done
### case quoted pattern
x='*'; case x in "$x") echo quoted-match;; *) echo star;; esac
### case with no match
case z in a) echo a;; esac; echo $?
### case fallthrough syntax with parenthesis
case b in (a) echo a;; (b) echo b;; esac
### function with return
f() { return 3; }; f; echo $?
### function positional isolation
set -- outer; f() { echo $1; }; f inner; echo $1
### recursive function
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 5
### function redefinition
f() { echo 1; }; f; f() { echo 2; }; f
### heredoc
cat <<EOF
line one
value: $((1+1))
EOF
### heredoc quoted delimiter
x=1; cat <<'EOF'
no $x expansion $(echo y)
EOF
### heredoc dash strips tabs
cat <<-EOF
	tabbed
		more
	EOF
### heredoc to read
read a b <<EOF
first second third
EOF
echo "$a|$b"
### two heredocs
cat <<A; cat <<B
aaa
A
bbb
B
### redirect output and append
echo one > f; echo two >> f; cat f
### redirect input
echo content > in; read x < in; echo $x
### redirect stderr
{ echo err >&2; } 2> e; echo "[$(cat e)]"
### redirect to dev null
echo gone > /dev/null; echo kept
### dup stdout to stderr and back
{ echo to-err 1>&2; } 2>&1
### close fd
{ echo x >&3; } 3>&- 2>/dev/null; echo status $?
### redirect on compound
for i in 1 2; do echo $i; done > out; cat out
### redirect on if
if true; then echo inside; fi > out2; cat out2
### redirect on group with input
echo abc > in2; { read v; echo "[$v]"; } < in2
### exec fd persistent
exec 3> fd3; echo via3 >&3; exec 3>&-; cat fd3
### noclobber
echo a > nc; set -C; echo b > nc; echo status $?; echo c >| nc; cat nc
### redirect missing file
cat < /nonexistent/file; echo status $?
### redirect create in missing dir
echo x > /nonexistent/dir/file; echo status $?
### read with IFS
echo 'a:b:c' | { IFS=: read x y; echo "$x|$y"; }
### read -r keeps backslashes
printf 'a\\b\n' | { read -r x; echo "$x"; }
### read without -r
printf 'a\\b\n' | { read x; echo "$x"; }
### read at EOF
printf 'last' | { read x; echo "$? [$x]"; }
### read multiple lines
printf 'l1\nl2\n' | while read line; do echo "got $line"; done
### eval
cmd='echo evaluated $((2+2))'; eval $cmd; eval 'x=5'; echo $x
### dot source
echo 'sourced=yes' > inc.sh; . ./inc.sh; echo $sourced
### test strings
[ abc = abc ] && echo eq; [ abc != abd ] && echo ne; [ -z "" ] && echo z; [ -n x ] && echo n
### test numbers
[ 3 -lt 5 ] && echo lt; [ 5 -ge 5 ] && echo ge; [ 2 -eq 3 ] || echo noteq
### test files
: > file1; [ -d / ] && echo slash; [ -f file1 ] && echo f; [ -d file1 ] || echo notd; [ -e nope ] || echo noe
### test not and or
[ ! -e nope ] && echo not; [ 1 = 1 -a 2 = 2 ] && echo and; [ 1 = 2 -o 2 = 2 ] && echo or
### test missing bracket
[ 1 = 1; echo $?
### test illegal number
[ a -eq 1 ]; echo $?
### test no args
[ ]; echo $?; test; echo $?
### printf formats
printf '%s-%d-%x-%o-%c|\n' str 42 255 8 char
### printf widths
printf '[%5s][%-5s][%05d][%.2f]\n' ab cd 42 3.14159
### printf reuses format
printf '%s\n' a b c
### printf escapes
printf 'tab\there\n%b\n' 'b\tesc'
### printf percent
printf '100%%\n'
### exit status 300
(exit 300); echo $?
### exit in function exits shell
f() { exit 4; }; f; echo not
### set -e
set -e; true; false; echo not-reached
### set -e in condition is ignored
set -e; if false; then :; fi; false || true; echo survived
### set -u
set -u; echo ${undefined_var}; echo after
### set -x
set -x; echo traced; set +x; echo quiet
### trap EXIT
trap 'echo bye' EXIT; echo main
### trap on exit status
trap 'echo trap sees $?' EXIT; false
### trap reset
trap 'echo t' EXIT; trap - EXIT; echo no-trap
### trap signal
trap 'echo caught USR1' USR1; kill -USR1 $$; echo after
### trap ignore
trap '' TERM; kill -TERM $$; echo still alive
### kill nonexistent
kill 999999; echo $?
### command not found status
nosuchcommand; echo $?
### not executable
: > noexec; ./noexec; echo $?
### directory not executable
/tmp; echo $?
### syntax error pipe
echo a | | echo b
### syntax error missing fi
if true; then echo x
### syntax error unexpected then
then echo x
### syntax error unterminated quote
echo 'unterminated
### syntax error unexpected paren
echo a )
### syntax error after valid lines
echo first
echo a | | b
echo never
### type builtin
type echo cd; type nosuchthing; echo $?
### command -v
command -v cd; command -v nosuch; echo $?
### umask
umask 027; umask; umask 022; umask
### pwd and cd
cd /tmp; pwd; cd /; pwd; cd nonexistent_dir; echo $?
### cd - prints
cd /tmp; cd /; cd -
### colon and true false
:; echo $?; true; echo $?; false; echo $?
### nested quotes in substitution
echo "$(echo "inner quoted")"
### word with many parts
a=x; echo pre${a}post"$a"'$a'\$a
### unset variable in string
unset n; echo "[$n]"
### IFS default with tabs
x="a	b"; set -- $x; echo $#
### long pipeline
echo abc | { read x; echo $x$x; } | { read y; echo $y-; }
### while with read from heredoc
while read a; do echo "<$a>"; done <<EOF
1
2
EOF
### arithmetic in loop condition
i=3; while [ $((i -= 1)) -ge 0 ]; do echo $i; done
### functions see globals
g=global; f() { g=changed; }; f; echo $g
### return outside function in eval
f() { eval 'return 5'; echo no; }; f; echo $?
### break outside loop is harmless
break; echo fine
### special chars in single quotes
echo 'semi;colon|pipe&amp>gt<lt'
### comments
echo a # a comment
# whole line comment
echo b#notcomment
### line continuation
echo one \
two
### empty command lines
;
### readonly
readonly r=1; r=2; echo $r
### export -p shows
export ONE=1; export -p | while read l; do case $l in *ONE=1*) echo found;; esac; done
### printf numeric error
printf '%d\n' abc; echo $?
### exit with no args keeps status
false; exit
### set positional via set
set -- x y z; echo "$2"; set --; echo $#
### quoting: dollar single quote is literal in dash
echo "$'abc'" '$'"'x'"
### quoting: backslash newline in double quotes
echo "a\
b"
### quoting: single quote inside double
echo "it's"
### quoting: double inside single
echo 'say "hi"'
### quoting: escaped dollar in heredoc
cat <<EOF
\$HOME stays and \\ one backslash
EOF
### quoting: empty quotes make empty argument count
set -- "" ""; echo $#
### quoting: quoted glob chars in variable
x='*'; echo "$x"
### quoting: unquoted variable with glob chars globs
: > star1; x='star*'; echo $x
### param: braces needed before letters
v=val; echo ${v}ue $vue.
### param: special parameter in braces
set -- a b; echo ${#} ${1}
### param: length of positional count
set -- a b c; echo ${#@} 2>/dev/null || echo err
### param: nested default
unset a b; echo ${a:-${b:-inner}}
### param: default with spaces quoted
unset a; for w in "${a:-one two}"; do echo "[$w]"; done
### param: default unquoted splits
unset a; for w in ${a:-one two}; do echo "[$w]"; done
### param: assign default in arithmetic
unset n; echo $(( ${n:=4} + 1 )) $n
### param: remove with character class
f=file123.txt; echo ${f%[0-9]*.txt} ${f#*[0-9]}
### param: remove everything
x=abc; echo "[${x#*}]" "[${x##*}]" "[${x%%*}]"
### param: hash remove on empty
x=; echo "[${x#a}]"
### param: star and at unquoted
set -- 'a b' c; echo $*; echo $@
### param: IFS empty no splitting
IFS=; x='a b c'; set -- $x; echo $#
### param: IFS whitespace trim
IFS=' '; x='   lead and trail   '; set -- $x; echo "$#:$1:$3"
### param: IFS non whitespace consecutive
IFS=,; x='a,,b,'; set -- $x; echo $#
### arith: nested parens
echo $(( ((2+3)*(4-1)) ))
### arith: comparison ops
echo $((3==3)) $((3!=3)) $((2<=1)) $((2>=2))
### arith: logical not and negation
echo $((!0)) $((!5)) $((-(-3)))
### arith: unset variable is zero
unset q; echo $((q+1))
### arith: variable holding expression
e='2*3'; echo $((e+1))
### arith: compound assignments
x=10; : $((x-=3)) $((x*=2)) $((x/=7)) $((x%=3)); echo $x
### arith: shifts
echo $((256>>4)) $((3<<2))
### arith: syntax error
echo $((1+)); echo after
### arith: spaces allowed
echo $((   4   *   5   ))
### cmdsub: exit status of last
x=$(exit 5); echo $?
### cmdsub: in assignment no split
x=$(echo 'a   b'); echo "$x"
### cmdsub: unquoted splits
set -- $(echo 'a   b'); echo $#
### cmdsub: with pipeline
echo $(echo hello | cat)
### cmdsub: with quotes inside
echo "$(echo "a 'b' c")"
### cmdsub: variable assignment inside does not leak
x=1; y=$(x=2; echo $x); echo $x $y
### cmdsub: multiline output
x=$(printf 'one\ntwo'); echo "$x"
### cmdsub: backquote with escaped dollar
x=5; echo `echo \$x`
### split: read with more fields than vars
echo 'a b c d' | { read x y; echo "$x|$y"; }
### split: read fewer fields
echo 'a' | { read x y; echo "$x|$y|"; }
### split: read leading whitespace
echo '   spaced   out  ' | { read x; echo "[$x]"; }
### glob: star matches multiple sorted
: > zz; : > aa; : > mm; echo ??
### glob: directory traversal
mkdir_() { :; }; : > one.c; echo ./*.c
### glob: no match in subdir
echo nodir/*
### glob: question mark needs one char
: > ab; echo a?; echo a??
### glob: escaped star
: > 's*t'; echo s\*t
### glob: bracket range
: > x5; : > x9; : > xa; echo x[0-9]
### ctrl: if with command status
if echo cond >/dev/null; then echo yes; fi
### ctrl: if in pipeline
if true; then echo piped; fi | cat
### ctrl: while false never runs
while false; do echo never; done; echo $?
### ctrl: while with break status
while true; do break; done; echo $?
### ctrl: until true never runs
until true; do echo never; done; echo end
### ctrl: for with empty list
for x in; do echo never; done; echo end
### ctrl: for variable persists
for i in a b last; do :; done; echo $i
### ctrl: nested loops continue 2
for i in 1 2; do for j in a b; do continue 2; echo no; done; echo no2; done; echo $i
### ctrl: case matching empty string
x=; case "$x" in "") echo empty;; *) echo nonempty;; esac
### ctrl: case with variable pattern
p='h*'; case hello in $p) echo matched;; esac
### ctrl: case multiple commands in arm
case a in a) echo one; echo two;; esac
### ctrl: case last arm without double semicolon
case b in a) echo a;; b) echo b
esac
### ctrl: case status of arm
case a in a) false;; esac; echo $?
### ctrl: newline separated if
if true
then
  echo multi
fi
### ctrl: while read with pipe counts
printf 'a\nb\nc\n' | { n=0; while read l; do n=$((n+1)); done; echo $n; }
### func: multiline definition
greet() {
  echo "hello $1"
}
greet world
### func: function with subshell body
f() ( x=inner; echo $x ); x=outer; f; echo $x
### func: $# inside function
f() { echo $#; }; f a b c; f
### func: return value used in if
isone() { [ "$1" = 1 ]; }; if isone 1; then echo one; fi; if ! isone 2; then echo not; fi
### func: local-like via subshell
f() { (cd /; pwd); }; cd /tmp; f; pwd
### func: unset -f
f() { echo f; }; unset -f f; f 2>/dev/null; echo $?
### func: recursion depth
count() { if [ $1 -gt 0 ]; then echo $1; count $(($1-1)); fi; }; count 3
### redir: stdout and stderr to same file
{ echo out; echo err >&2; } > both 2>&1; cat both
### redir: order matters
{ echo err >&2; } 2>&1 > /dev/null
### redir: append twice
echo 1 >> app; echo 2 >> app; echo 3 >> app; cat app
### redir: input from file to while
printf 'x\ny\n' > lines; while read l; do echo "[$l]"; done < lines
### redir: here string like with heredoc and variable
v=val; cat <<END
v=$v
END
### redir: heredoc in function
f() { cat <<EOF
in function $1
EOF
}; f arg
### redir: heredoc in loop
for i in 1 2; do cat <<EOF
item $i
EOF
done
### redir: redirect fd 3 read
echo three > t3; exec 3< t3; read x <&3; echo $x; exec 3<&-
### redir: read-write open
echo abc > rw; exec 4<> rw; read y <&4; echo $y
### redir: bad fd dup
echo x >&9; echo status $?
### redir: to directory fails
echo x > /; echo status $?
### redir: empty file truncation
echo long content > tr; : > tr; cat tr; echo "[end]"
### redir: noclobber allows append
set -C; echo a > nc2; echo b >> nc2; cat nc2
### builtin: echo -n with escapes
echo -n 'a\nb'; echo
### builtin: echo \c stops
echo 'before\cafter'; echo next
### builtin: echo octal
echo '\0101\0102'
### builtin: printf no newline
printf abc; printf '\n'
### builtin: printf string precision
printf '%.3s|\n' abcdef
### builtin: printf signed
printf '%+d %d\n' 5 -5
### builtin: printf char from quote
printf '%d\n' "'A"
### builtin: printf missing args
printf '%s and %s\n' one
### builtin: printf %b with octal
printf '%b\n' 'x\0101y'
### builtin: test string equality with spaces
x='a b'; [ "$x" = 'a b' ] && echo same
### builtin: test -n unquoted empty
x=; [ -n $x ] && echo counted-as-one-arg
### builtin: test parentheses
[ \( 1 = 1 \) -a \( 2 = 2 \) ] && echo grouped
### builtin: test single arg
[ abc ] && echo nonempty; [ "" ] || echo empty
### builtin: test negative numbers
[ -5 -lt 3 ] && echo neg
### builtin: read var from pipe in same shell lost
echo piped | read lost; echo "[$lost]"
### builtin: set -- with dash args
set -- -a -b; echo $1 $2
### builtin: set shows options
set -e; case $- in *e*) echo has-e;; esac
### builtin: export then unset
export V=1; unset V; sh -c 'echo "[$V]"'
### builtin: eval with quotes
eval "echo 'quoted  spaces'"
### builtin: eval sets status
eval false; echo $?
### builtin: exec replaces shell
exec echo replaced; echo never
### builtin: exit inside subshell
(exit 7); echo $?; (exit); echo $?
### builtin: true with args
true a b c; echo $?
### builtin: colon with redirect creates file
: > created; [ -f created ] && echo created
### builtin: type of function
f() { :; }; type f
### builtin: command runs builtin
command echo via-command
### builtin: unknown option to set
set -Z; echo after
### builtin: cd to file
: > afile; cd afile; echo $?
### builtin: shift with number
set -- 1 2 3 4; shift 2; echo $*
### builtin: return status from sourced file
echo 'return 3' > ret.sh; . ./ret.sh; echo $?
### builtin: dot nonexistent
. ./nonexistent.sh; echo after
### builtin: wait for nothing
wait; echo $?
### builtin: kill -l number
kill -l 9; kill -l 15
### builtin: kill signal zero to self
kill -0 $$; echo $?
### status: pipeline of builtins
echo x | false | true; echo $?
### status: not found in pipeline
nosuch 2>/dev/null | echo piped; echo $?
### status: redirect failure status
cat < /nope 2>/dev/null; echo $?
### status: variable assignment keeps cmdsub status
x=$(false); echo $?; x=$(true); echo $?
### status: empty command status
false; ; echo $?
### status: last status in and list
false && true; echo $?
### errors: syntax error in eval
eval 'if'; echo after
### errors: missing done
while true; do echo x
### errors: double semicolon outside case
echo a ;; echo b
### errors: unexpected else
else; echo x
### errors: bad for variable
for 1x in a; do echo $1x; done
### errors: unexpected esac
esac
### errors: missing then
if true; fi
### errors: redirect without target
echo >
### errors: bad substitution
echo ${x!}; echo after
### errors: unterminated command substitution
echo $(echo
### errors: readonly assignment fatal
readonly ro=1; ro=2; echo after
### errors: exit with bad number
exit abc
### traps: exit trap in subshell
(trap 'echo sub-exit' EXIT; echo in-sub); echo after
### traps: trap list
trap 'echo x' EXIT; trap
### traps: exit trap runs on error exit
set -e; trap 'echo cleanup' EXIT; false
### traps: trap with numeric signal
trap 'echo got 10' 10; kill -10 $$; echo done
### misc: long argument list
set -- $(echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20); echo $# ${20}
### misc: variable names with underscore and digits
_a1=x; A_2=y; echo $_a1$A_2
### misc: numeric looking var assignment is a command
1x=2 2>/dev/null; echo $?
### misc: assignment with equals in value
x=a=b=c; echo $x
### misc: tilde in assignment value
HOME=/h; x=~/f; echo $x
### misc: tilde not at start
HOME=/h; echo a~ ~x 2>/dev/null
### misc: comment after backslash
echo a\#b
### misc: semicolon in quotes
echo "a;b" 'c&d'
### misc: pipe into group with variables
x=1; echo 2 | { read x; echo $x; }; echo $x
### misc: subshell pid differs but $$ same
a=$$; b=$(echo $$); [ $a = $b ] && echo same-dollar-dollar
### misc: PPID is set
case $PPID in [0-9]*) echo ppid-ok;; esac
### misc: pwd after cd ..
cd /tmp; cd ..; pwd
### misc: cd with no args goes home
HOME=/tmp; cd; pwd
### misc: sh -c with args
sh -c 'echo $0 $1 $2' name one two
### misc: nested sh status
sh -c 'exit 9'; echo $?
### misc: nested sh syntax error status
sh -c 'if' 2>/dev/null; echo $?
### jobs: unknown job ids
fg %9; echo $?; bg; echo $?; kill %3; echo $?; wait %2; echo $?
### jobs: wait for background status
(exit 4) & wait $!; echo $?
### jobs: two background jobs and wait all
{ echo a; } > a.out & { echo b; } > b.out & wait; cat a.out b.out; echo both
### jobs: dollar bang is set
true & case $! in [0-9]*) echo bang-set;; esac; wait
### syntax: if fi
if true; then fi
### syntax: case no pattern
case x in
### syntax: case in $()
echo $(case x in x) echo yes;; esac)
### syntax: case x) EOF
case x in x)
### syntax: bad funcname
1f() { :; }
### syntax: special funcname
export() { :; }
### syntax: f() echo
f() echo hi; f
### syntax: foo ( echo
foo ( echo
### syntax: backquote syntax
x=`if`; echo after
### syntax: cmdsub syntax
echo before; echo $(if); echo after
### syntax: heredoc cmdsub err
cat <<EOF
$(")
EOF
echo after
### syntax: heredoc ok
x=5
cat <<EOF
a $(echo "b c") ${x:-"q"} `echo d` $((x+1)) "quoted" 'single'
EOF
### syntax: heredoc in cmdsub
x=$(cat <<EOF
hello )
EOF
); echo "$x"
### syntax: comment in cmdsub
echo $(echo a # comment )
)
### syntax: nested quotes
echo "$(echo "a b" "c")" "${x:-"d e"}"
### syntax: arith missing
echo $((1)+(2))
### syntax: word unexpected
{ echo; } foo
### syntax: newline unexpected
echo a | ;
### syntax: for done done
for x in a; do :; done done
### expand: ifs x default
IFS=x; v=; echo "${v:-AxBxC}"x; set -- ${v:-AxBxC}; echo $#
### expand: ifs mixed
IFS=' :'; v='a : b::c :'; set -- $v; echo $#; printf '[%s]' "$@"; echo
### expand: ifs leading nonws
IFS=':'; v=':a::b:'; set -- $v; echo $#; printf '[%s]' "$@"; echo
### expand: ifs ws leading trailing
v='  a  b  '; set -- $v; echo $#; printf '[%s]' "$@"; echo
### expand: ifs empty
IFS=; v='a b'; set -- $v; echo $#
### expand: ifs unset
unset IFS; v='a	b
c'; set -- $v; echo $#
### expand: ifs ws nonws ws
IFS=' ,'; v='a , b ,, c'; set -- $v; echo $#; printf '[%s]' "$@"; echo
### expand: ifs tab only
IFS='	'; v='a  b	c'; set -- $v; echo $#; printf '[%s]' "$@"; echo
### expand: split adjacent
IFS=:; v='a:b'; set -- x${v}y; printf '[%s]' "$@"; echo
### expand: split empty middle
IFS=:; v='a::b'; set -- $v; printf '[%s]' "$@"; echo
### expand: split only sep
IFS=:; v=':'; set -- $v; echo $#; v='::'; set -- $v; echo $#
### expand: split quoted empty adjacent
v=''; set -- "$v"$v; echo $#; set -- $v""; echo $#; set -- $v $v; echo $#
### expand: dollar at forms
set -- 'a b' c; printf '[%s]' "$@"; echo; printf '[%s]' "x$@y"; echo; printf '[%s]' $@; echo
### expand: dollar star forms
set -- 'a b' c; printf '[%s]' "$*"; echo; IFS=:; printf '[%s]' "$*"; echo; IFS=; printf '[%s]' "$*"; echo; unset IFS; printf '[%s]' "$*"; echo
### expand: empty dollar at
set --; printf '[%s]' "$@" x; echo; printf '[%s]' "x$@"; echo; set -- ''; printf '[%s]' "$@"; echo $#
### expand: at with ifs empty
set -- 'a b' c; IFS=; printf '[%s]' $@; echo; printf '[%s]' $*; echo
### expand: braced at default
set --; printf '[%s]' "${@:-none}"; echo; set -- a b; printf '[%s]' "${@:-none}"; echo; printf '[%s]' "${@+yes}"; echo
### expand: length forms
set -- a bb ccc; echo ${#} ${#@} ${#*} ${#1}; x=hello; echo ${#x}
### expand: dollar 10
set -- 1 2 3 4 5 6 7 8 9 10; echo $10 ${10}
### expand: tilde
HOME=/h; echo ~ ~/x "~" ~nosuchuser x~ a=~/b; x=~/c:~/d; echo $x
### expand: tilde in assign word
HOME=/h; y=a:~/x; echo $y; echo ${z:-~}
### expand: cmdsub split
x=$(printf 'a b\nc'); set -- $x; echo $#; set -- "$(printf 'a\n\n')"; printf '[%s]' "$@"; echo
### expand: unset var vanish
unset u; set -- $u; echo $#; set -- "$u"; echo $#; set -- $u ""; echo $#
### expand: pattern removal quoted
x='a*b*c'; echo ${x#*b} "${x#"*"}" ${x%\**} ${x##a\*}
### expand: pattern removal star
x=aaa; echo ${x#a*} ${x##a*} ${x%a*} ${x%%a*}
### expand: assign default in quotes
unset v; echo "${v=a b}"; echo "$v"; unset v; echo ${v:="x  y"}; echo "$v"
### expand: error unset question
unset v; (echo ${v?}); echo $?; (echo ${v:?custom msg}); echo $?; v=; (echo ${v?ok}); echo $?
### expand: set -u
set -u; unset v; (echo $v); echo $?; (echo ${v:-fine}); echo $?; (echo "$@"); echo $?; (echo $#)
### expand: plus forms
x=1; echo ${x+set} ${x:+set}; x=; echo "[${x+set}]" "[${x:+set}]"; unset x; echo "[${x+set}]"
### expand: special params
echo $# $- ; set -- a; echo $#; (exit 3); echo $?
### expand: dollar hyphen
set -e; echo $-; set +e -u; echo $-; set -f; echo $-
### expand: quotes in param word
x=; echo ${x:-'a  b'} "${x:-'a  b'}" ${x:-"a  b"}
### expand: backslash in dq
echo "\a\$\`\"\\\ "
### expand: glob basic
touch a.txt b.txt .hidden; echo *; echo *.txt; echo .*; echo "*"; echo \*; echo [ab].txt; echo nomatch*
### expand: glob in var
touch a1 a2; v='a*'; echo $v; echo "$v"; set -f; echo $v
### expand: glob brackets
touch ab ac ad; echo a[bc]; echo a[!b]; echo a[^b]; echo a[b-c]; echo a[[:alpha:]]
### expand: glob dir
mkdir -p d1/x d2/x; touch d1/f d2/g; echo */; echo d*/x; echo */*
### expand: arith forms
x=5; echo $((x+=2)) $x $((x++)) $x $((++x)) $((x--)) $((--x)) $x
### expand: arith ops
echo $((7/2)) $((-7/2)) $((7%-3)) $((2**3)) 2>&1
### expand: arith compare logic
echo $((1<2)) $((2<=1)) $((1==1)) $((1!=1)) $((!0)) $((!5)) $((~5)) $((1&&0)) $((0||3))
### expand: arith shift bit
echo $((1<<3)) $((16>>2)) $((5&3)) $((5|3)) $((5^3)) $((-1>>1))
### expand: arith ternary nested
echo $((1?2?3:4:5)) $((0?1:0?2:3))
### expand: arith var indirect
a=b; b=3; echo $((a+1)) $(($a+1))
### expand: arith hex octal
echo $((0x1F)) $((017)) $((0X10)) $((010+1))
### expand: arith errors
echo $((1/0)); echo next
### expand: arith errors 2
echo $((x=)); echo next
### expand: arith space
echo $(( 1 + 2 )) $((  3  ))
### expand: arith assign ops
x=10; : $((x-=3)) $((x*=2)) $((x/=4)) $((x%=3)) $((x<<=2)) $((x>>=1)) $((x|=8)) $((x&=12)) $((x^=5)); echo $x
### expand: arith comma
echo $((1,2)) 2>&1
### expand: arith large
echo $((9223372036854775807+1)) $((2**63)) 2>&1
### expand: arith unset and empty
unset u; e=; echo $((u+1)) $((e+1))
### expand: arith invalid var
v=abc; echo $((v+1)) 2>&1; v='1 + 1'; echo $((v)) 2>&1
### arith: arith forms
x=5; echo $((x+=2)) $x $((++x)) $((--x)) $x
### arith: arith 1,2
x=3; y=4; echo $((1,2)); echo x=$x y=$y z=$z
### arith: arith 1+
x=3; y=4; echo $((1+)); echo x=$x y=$y z=$z
### arith: arith +
x=3; y=4; echo $((+)); echo x=$x y=$y z=$z
### arith: arith
x=3; y=4; echo $(()); echo x=$x y=$y z=$z
### arith: arith
x=3; y=4; echo $(( )); echo x=$x y=$y z=$z
### arith: arith x++
x=3; y=4; echo $((x++)); echo x=$x y=$y z=$z
### arith: arith ++x
x=3; y=4; echo $((++x)); echo x=$x y=$y z=$z
### arith: arith 1?2
x=3; y=4; echo $((1?2)); echo x=$x y=$y z=$z
### arith: arith 1?2:
x=3; y=4; echo $((1?2:)); echo x=$x y=$y z=$z
### arith: arith a=
x=3; y=4; echo $((a=)); echo x=$x y=$y z=$z
### arith: arith 1=2
x=3; y=4; echo $((1=2)); echo x=$x y=$y z=$z
### arith: arith (a)=1
x=3; y=4; echo $(((a)=1)); echo x=$x y=$y z=$z
### arith: arith 08
x=3; y=4; echo $((08)); echo x=$x y=$y z=$z
### arith: arith 0x
x=3; y=4; echo $((0x)); echo x=$x y=$y z=$z
### arith: arith 0xg
x=3; y=4; echo $((0xg)); echo x=$x y=$y z=$z
### arith: arith 1a
x=3; y=4; echo $((1a)); echo x=$x y=$y z=$z
### arith: arith a b
x=3; y=4; echo $((a b)); echo x=$x y=$y z=$z
### arith: arith 1/0
x=3; y=4; echo $((1/0)); echo x=$x y=$y z=$z
### arith: arith 1%0
x=3; y=4; echo $((1%0)); echo x=$x y=$y z=$z
### arith: arith 0&&1/0
x=3; y=4; echo $((0&&1/0)); echo x=$x y=$y z=$z
### arith: arith 1||1/0
x=3; y=4; echo $((1||1/0)); echo x=$x y=$y z=$z
### arith: arith 0?1/0:2
x=3; y=4; echo $((0?1/0:2)); echo x=$x y=$y z=$z
### arith: arith 1?2:1/0
x=3; y=4; echo $((1?2:1/0)); echo x=$x y=$y z=$z
### arith: arith 2**3
x=3; y=4; echo $((2**3)); echo x=$x y=$y z=$z
### arith: arith -(-9223372036854775807-1)
x=3; y=4; echo $((-(-9223372036854775807-1))); echo x=$x y=$y z=$z
### arith: arith 9223372036854775808
x=3; y=4; echo $((9223372036854775808)); echo x=$x y=$y z=$z
### arith: arith -9223372036854775808
x=3; y=4; echo $((-9223372036854775808)); echo x=$x y=$y z=$z
### arith: arith 1<<64
x=3; y=4; echo $((1<<64)); echo x=$x y=$y z=$z
### arith: arith 1<<-1
x=3; y=4; echo $((1<<-1)); echo x=$x y=$y z=$z
### arith: arith -1>>1
x=3; y=4; echo $((-1>>1)); echo x=$x y=$y z=$z
### arith: arith ~0
x=3; y=4; echo $((~0)); echo x=$x y=$y z=$z
### arith: arith !1
x=3; y=4; echo $((!1)); echo x=$x y=$y z=$z
### arith: arith x+=y+=2
x=3; y=4; echo $((x+=y+=2)); echo x=$x y=$y z=$z
### arith: arith $
x=3; y=4; echo $(($)); echo x=$x y=$y z=$z
### arith: arith "1"
x=3; y=4; echo $(("1")); echo x=$x y=$y z=$z
### arith: arith a.b
x=3; y=4; echo $((a.b)); echo x=$x y=$y z=$z
### arith: arith 1 == 1
x=3; y=4; echo $((1 == 1)); echo x=$x y=$y z=$z
### arith: arith 3>2>1
x=3; y=4; echo $((3>2>1)); echo x=$x y=$y z=$z
### arith: arith 07+1
x=3; y=4; echo $((07+1)); echo x=$x y=$y z=$z
### arith: arith 1e3
x=3; y=4; echo $((1e3)); echo x=$x y=$y z=$z
### arith: arith zz
x=3; y=4; echo $((zz)); echo x=$x y=$y z=$z
### arith: arith 010
x=3; y=4; echo $((010)); echo x=$x y=$y z=$z
### arith: arith 0010
x=3; y=4; echo $((0010)); echo x=$x y=$y z=$z
### arith: arith 1 ? 2 : 3 ? 4 : 5
x=3; y=4; echo $((1 ? 2 : 3 ? 4 : 5)); echo x=$x y=$y z=$z
### arith: arith 0&&(x=1)
x=3; y=4; echo $((0&&(x=1))); echo x=$x y=$y z=$z
### arith: arith 1||(y=1)
x=3; y=4; echo $((1||(y=1))); echo x=$x y=$y z=$z
### arith: arith 0?(z=1):2
x=3; y=4; echo $((0?(z=1):2)); echo x=$x y=$y z=$z
### arith: arith x = = 1
x=3; y=4; echo $((x = = 1)); echo x=$x y=$y z=$z
### arith: arith x =+ 1
x=3; y=4; echo $((x =+ 1)); echo x=$x y=$y z=$z
### arith: arith 4 / 2 * 3
x=3; y=4; echo $((4 / 2 * 3)); echo x=$x y=$y z=$z
### arith: arith 1 - - 1
x=3; y=4; echo $((1 - - 1)); echo x=$x y=$y z=$z
### arith: arith - - 1
x=3; y=4; echo $((- - 1)); echo x=$x y=$y z=$z
### arith: arith !!5
x=3; y=4; echo $((!!5)); echo x=$x y=$y z=$z
### arith: arith ~~5
x=3; y=4; echo $((~~5)); echo x=$x y=$y z=$z
### arith: arith  1 ? 2 : x = 7
x=3; y=4; echo $(( 1 ? 2 : x = 7)); echo x=$x y=$y z=$z
### arith: arith x = y = 5
x=3; y=4; echo $((x = y = 5)); echo x=$x y=$y z=$z
### arith: arith (1
x=3; y=4; echo $(((1 )); echo x=$x y=$y z=$z
### arith: arith 7%-3
x=3; y=4; echo $((7%-3)); echo x=$x y=$y z=$z
### arith: arith -7/2
x=3; y=4; echo $((-7/2)); echo x=$x y=$y z=$z
### arith: arith 9223372036854775807*2
x=3; y=4; echo $((9223372036854775807*2)); echo x=$x y=$y z=$z
### arith: arith -1<<63
x=3; y=4; echo $((-1<<63)); echo x=$x y=$y z=$z
### arith: var forms
x=" 12 "; echo $((x+1)); x="+5"; echo $((x)); x=" -0x10"; echo $((x)); x="08"; echo $((x))
### arith: var forms 2
x="1 2"; echo $((x))
### arith: var forms 3
x=""; echo $((x+1)); unset x; echo $((x+1)); echo $((0&&v)); v=abc; echo $((0&&v)); echo $((v))
### test: test a -eq 1
[ a -eq 1 ]; echo $?
### test: test  1 -eq 1
[  1 -eq 1 ]; echo $?
### test: test 1 -eq " 1"
[ 1 -eq " 1" ]; echo $?
### test: test 1 -eq "1 "
[ 1 -eq "1 " ]; echo $?
### test: test "" -eq 0
[ "" -eq 0 ]; echo $?
### test: test -1 -lt 0
[ -1 -lt 0 ]; echo $?
### test: test +1 -eq 1
[ +1 -eq 1 ]; echo $?
### test: test 99999999999999999999 -gt 1
[ 99999999999999999999 -gt 1 ]; echo $?
### test: test a -eq
[ a -eq ]; echo $?
### test: test -f
[ -f ]; echo $?
### test: test -f a b
[ -f a b ]; echo $?
### test: test \(
[ \( ]; echo $?
### test: test \)
[ \) ]; echo $?
### test: test \( \)
[ \( \) ]; echo $?
### test: test !
[ !  ]; echo $?
### test: test !
[ ! ]; echo $?
### test: test a = b -o c
[ a = b -o c ]; echo $?
### test: test x -a
[ x -a ]; echo $?
### test: test -z -z
[ -z -z ]; echo $?
### test: test = = =
[ = = = ]; echo $?
### test: test -n = -n
[ -n = -n ]; echo $?
### test: test a \< b
[ a \< b ]; echo $?
### test: test b \> a
[ b \> a ]; echo $?
### test: test \( a \) -a \( b \)
[ \( a \) -a \( b \) ]; echo $?
### test: test \( a -o b \)
[ \( a -o b \) ]; echo $?
### test: test -t 1
[ -t 1 ]; echo $?
### test: test -t
[ -t ]; echo $?
### test: test -t x
[ -t x ]; echo $?
### test: test a -nt b
[ a -nt b ]; echo $?
### test: test -e /
[ -e / ]; echo $?
### test: test -d / -a -e /x
[ -d / -a -e /x ]; echo $?
### test: test ! ! ! x
[ ! ! ! x ]; echo $?
### test: test ! ! x
[ ! ! x ]; echo $?
### test: test ! x
[ ! x ]; echo $?
### test: test ! -n
[ ! -n ]; echo $?
### test: test \( = \(
[ \( = \( ]; echo $?
### test: test ! = !
[ ! = ! ]; echo $?
### test: test -n -a -n
[ -n -a -n ]; echo $?
### test: test a -o -z ""
[ a -o -z "" ]; echo $?
### test: test ! \( a \)
[ ! \( a \) ]; echo $?
### test: test x -a -o y
[ x -a -o y ]; echo $?
### test: test -x -a -x
[ -x -a -x ]; echo $?
### test: test \( \( a \) \)
[ \( \( a \) \) ]; echo $?
### test: test "" -o ""
[ "" -o "" ]; echo $?
### test: test -z "" -a ! -n ""
[ -z "" -a ! -n "" ]; echo $?
### test: test 1 -lt 2 -a 3 -gt 4 -o 5 -eq 5
[ 1 -lt 2 -a 3 -gt 4 -o 5 -eq 5 ]; echo $?
### test: test a b
[ a b ]; echo $?
### test: test a b c d
[ a b c d ]; echo $?
### test: test \( a b \)
[ \( a b \) ]; echo $?
### test: test ! a b
[ ! a b ]; echo $?
### test: test "" ! ""
[ "" ! "" ]; echo $?
### test: test a -ef a
[ a -ef a ]; echo $?
### set: set - -
set - -; echo $# "$@"
### set: set -- variants
set -- a b; set --; echo $#; set - x y; echo $# $-
### set: set -x -- a
set -x -- a b; echo $#; set +x
### set: set -o list
set -o | head -5; set +o | head -3
### set: set -o errexit
set -o errexit; echo $-; set +o errexit; echo "[$-]"
### set: set bad option
set -q; echo $?
### set: set bad long
set -o nosuch; echo $?
### set: set + alone
set + a; echo $# "$@"
### set: set -- -x
set -- -x; echo "$1" "$-"
### set: set -e and -u combined
set -eu; echo $-; set +eu; echo "[$-]"
### set: set prints vars
x='a b'; set | grep '^x='
### set: set -o vi
set -o vi; echo $?; set -o | grep '^vi'
### set: shift variants
set -- a b c; shift 0; echo $#; shift 3; echo $#; shift; echo $?
### set: shift bad
set -- a; shift x; echo $?
### set: shift too many
set -- a b; shift 5; echo after $?
### set: set -f noglob
touch a1; set -f; echo a*; set +f; echo a*
### set: set -C noclobber
echo x > f; set -C; echo y > f; echo $?; echo z >| f; cat f
### set: set -a allexport
set -a; v=1; sh -c 'echo $v'; set +a
### set: set -n
set -n; echo not printed
### set: set -v
set -v; echo hi
### cd: cd --
HOME=/nonexistent; cd -- /tmp && pwd; cd --; echo $?; pwd; HOME=/; cd --; pwd
### cd: cd dash
mkdir a; cd a; cd -; cd -; pwd
### cd: cdpath
mkdir -p a/b; CDPATH=$PWD/a; cd b; pwd
### cd: cdpath empty entry
mkdir -p a/b b; CDPATH=:$PWD/a; cd b; pwd
### cd: cd -P -L
mkdir a; cd -P a; pwd; cd -L ..; pwd
### cd: cd bad option
cd -x; echo $?
### cd: cd extra args
mkdir a; cd a b; echo $?; pwd
### cd: cd unset home
unset HOME; cd; echo $?
### cd: cd empty home
HOME=; cd; echo $?
### cd: cd nonexist
cd nonexist; echo $?
### cd: cd empty
cd ""; echo $?
### cd: cd symlink logical
mkdir a; ln -s a l; cd l; pwd; pwd -P; pwd -L; cd ..; pwd
### cd: cd -P symlink
mkdir a; ln -s a l2; cd -P l2; pwd; echo $PWD
### cd: cd oldpwd
d=$PWD; cd /; [ "$OLDPWD" = "$d" ] && echo same
### cd: cd - empty oldpwd
OLDPWD=; cd -; echo $?
### cd: pwd options
pwd -x; echo $?
### cd: pwd bad PWD
PWD=/bad; pwd
### cd: cd dotdot path
mkdir -p a c; cd a/../c; pwd
### cd: cd slashes
mkdir -p a/b; cd ./a//b/; pwd
### cd: cd double slash
cd //; pwd; cd ///tmp; pwd
### cd: cd file
touch f; cd f; echo $?
### cd: cd exported
cd /tmp; env | grep -c '^PWD=/tmp$'
### corner: command exec
command exec echo hi
### corner: command exec redir
command exec >/dev/null; echo gone; echo x >&2
### corner: kill -l 99
kill -l 99; echo $?
### corner: kill -l 999
kill -l 999; echo $?
### corner: kill -l 128
kill -l 128; echo $?
### corner: kill -l 137
kill -l 137; echo $?
### corner: if fi
if true; then fi
### corner: case no pattern
case x in
### corner: trap --
trap -- 'echo hi' EXIT; trap --; 
### corner: trap 0 2
trap 'echo e' EXIT; trap 0 2; trap; echo done
### corner: trap foo
trap foo; echo $?
### corner: trap in bg
trap 'echo int' INT; (trap - INT; trap) & wait
### corner: set - -
set - -; echo $# "$@"
### corner: set -- variants
set -- a b; set --; echo $#; set - x y; echo $# $-
### corner: case in $()
echo $(case x in x) echo yes;; esac)
### corner: nested dq
echo "$(echo "a b" "c")"
### corner: nested bq
echo `echo \`echo inner\``
### corner: IFS x
IFS=x; v=; echo "${v:-AxBxC}"x; set -- ${v:-AxBxC}; echo $#
### corner: IFS mixed
IFS=' :'; v='a : b::c :'; set -- $v; echo $#; printf '[%s]' "$@"; echo
### corner: $0 in function
f() { echo $0 $1; }; f arg
### corner: break in cond
for i in 1 2; do while break; do echo no; done; echo i$i; done
### corner: func status in subshell
f() { return 42; }; ( f ); echo $?
### corner: printf reuse
printf '%s-%s\n' a b c; printf '%d\n'; printf '%s|' ; echo
### builtin-al: alias basic
alias ll='echo long'; alias ll; alias
### builtin-al: alias next line
alias say='echo said'
say hi
### builtin-al: unalias
alias a=b; unalias a; alias a; echo $?; unalias -a; alias
### builtin-al: alias order
alias b=1 a=2 c=3 zz=4 aa=5; alias
### builtin-al: alias quote
alias q="it's"; alias q
### builtin-al: alias recursive
alias ls='ls -d'
ls /
### builtin-al: alias chain
alias a=b b='echo chained'
a x
### builtin-al: alias blank
alias e='echo ' w=world
e w
### builtin-al: alias keyword value
alias begin='{' end='}'
begin echo in; end
### builtin-al: alias in function
alias g='echo g'
f() { g; }
f
### builtin-al: alias after assignment
alias p='echo p'
x=1 p
### builtin-al: alias not found list
alias x; echo $?; alias x=1 y; echo $?
### builtin-al: unalias missing
unalias nope; echo $?
### builtin-al: alias in cmdsub
alias s='echo sub'
echo $(s)
### builtin-al: alias not expanded quoted
alias z='echo z'
'z'; "z"; \z; echo $?
### builtin-al: alias defined same line
alias w1='echo w1'; w1; echo $?
### builtin-al: local basic
f() { local x=1; echo $x; }; x=0; f; echo $x
### builtin-al: local unset after
f() { local y; y=2; echo $y; }; unset y; f; echo "[${y-unset}]"
### builtin-al: local outside function
local x=1; echo $?
### builtin-al: local nested
f() { local v=f; g; echo $v; }; g() { local v=g; echo $v; }; v=top; f; echo $v
### builtin-al: local keeps value
f() { local v; echo "[$v]"; }; v=outer; f
### builtin-al: local export
f() { local v=1; export v; sh -c 'echo $v'; }; f; echo "[${v-unset}]"
### builtin-go: getopts basic
while getopts ab:c opt -a -b val -c rest; do echo "$opt ${OPTARG:-none} $OPTIND"; done; echo "end $opt $OPTIND"
### builtin-go: getopts positional
set -- -x -y foo bar; while getopts xy o; do echo $o; done; shift $((OPTIND-1)); echo "$@"
### builtin-go: getopts error
while getopts a o -z; do echo "[$o] [${OPTARG-unset}]"; done
### builtin-go: getopts silent
while getopts :ab: o -z -b; do echo "[$o] [${OPTARG-unset}]"; done
### builtin-go: getopts combined
while getopts abc: o -abcX -c Y z; do echo "$o ${OPTARG-} $OPTIND"; done; echo $OPTIND
### builtin-go: getopts double dash
while getopts a o -a -- -a; do echo $o; done; echo $OPTIND
### builtin-go: getopts missing arg
while getopts a: o -a; do echo "[$o] [${OPTARG-unset}]"; done; echo $?
### builtin-go: getopts reset
getopts a o -a; echo $o $OPTIND; OPTIND=1; getopts a o -a; echo $o $OPTIND
### builtin-go: getopts usage
getopts a; echo $?
### builtin-go: getopts in function
f() { while getopts x o; do echo f$o; done; }; set -- -x; f -x; getopts x o; echo top $o
### builtin-go: getopts colon option
getopts ':' o -:; echo "$o [$OPTARG]"
### builtin-go: getopts dash alone
getopts a o -; echo $? $OPTIND
### builtin-go: getopts arg attached
getopts a: o -avalue; echo $o $OPTARG $OPTIND
### builtin-go: getopts not option
getopts a o foo; echo $? $OPTIND "[${o}]"
### builtin-rd: read no var
printf 'a b\n' | { read; echo "$? [$REPLY]"; }
### builtin-rd: read basic
printf '  a  b  c  \n' | { read x y; echo "[$x] [$y]"; }
### builtin-rd: read one var trims
printf '  a  b  \n' | { read x; echo "[$x]"; }
### builtin-rd: read more vars than fields
printf 'a\n' | { read x y z; echo "[$x] [$y] [$z]"; }
### builtin-rd: read colon ifs
printf 'a:b:c\n' | { IFS=: read x y; echo "[$x] [$y]"; }
### builtin-rd: read colon trailing
printf 'a:b:\n' | { IFS=: read x y; echo "[$x] [$y]"; }
### builtin-rd: read colon two trailing
printf 'a:b::\n' | { IFS=: read x y; echo "[$x] [$y]"; }
### builtin-rd: read colon empty fields
printf ':a::b\n' | { IFS=: read x y z w; echo "[$x] [$y] [$z] [$w]"; }
### builtin-rd: read mixed ifs
printf ' a : b : c \n' | { IFS=' :' read x y; echo "[$x] [$y]"; }
### builtin-rd: read backslash
printf 'a\\ b c\\\nd\n' | { read x y; echo "[$x] [$y]"; }
### builtin-rd: read -r backslash
printf 'a\\ b c\\\n' | { read -r x y; echo "[$x] [$y]"; }
### builtin-rd: read eof no newline
printf 'abc' | { read x; echo "$? [$x]"; }
### builtin-rd: read empty input
printf '' | { read x; echo "$? [$x]"; }
### builtin-rd: read -p not tty
printf 'v\n' | { read -p 'prompt> ' x; echo "[$x]"; }
### builtin-rd: read bad option
read -z x; echo $?
### builtin-rd: read bad name
echo a | { read 1x; echo $?; }
### builtin-rd: read nul
printf 'a\0b\n' | { read x; echo "[$x]"; }
### builtin-rd: read ifs empty
printf '  a b  \n' | { IFS= read x; echo "[$x]"; }
### builtin-rd: read tab ifs
printf 'a\t\tb\n' | { IFS='	' read x y; echo "[$x] [$y]"; }
### builtin-rd: read escaped ifs
printf 'a\\:b:c\n' | { IFS=: read x y; echo "[$x] [$y]"; }
### builtin-rd: read multiple lines
printf 'one\ntwo\n' | { read a; read b; echo "$a $b"; }
### builtin-rd: read last var keeps separators
printf 'a b  c  d  \n' | { read x y; echo "[$x] [$y]"; }
### builtin-rd: read last var nonws
printf 'a:b:c:\n' | { IFS=: read x y; echo "[$x] [$y]"; }
### builtin-um: umask umask 022; umask -S; umask
umask 022; umask -S; umask
### builtin-um: umask umask 0; umask u=rwx,g=rx,o=; umask
umask 0; umask u=rwx,g=rx,o=; umask
### builtin-um: umask umask 0; umask g-w,o-rwx; umask
umask 0; umask g-w,o-rwx; umask
### builtin-um: umask umask 077; umask a+r; umask
umask 077; umask a+r; umask
### builtin-um: umask umask 077; umask +x; umask
umask 077; umask +x; umask
### builtin-um: umask umask 022; umask =; umask
umask 022; umask =; umask
### builtin-um: umask umask 022; umask u-w; umask
umask 022; umask u-w; umask
### builtin-um: umask umask 8; echo $?; umask
umask 8; echo $?; umask
### builtin-um: umask umask abc; echo $?
umask abc; echo $?
### builtin-um: umask umask 1234567; umask
umask 1234567; umask
### builtin-um: umask umask -x
umask -x
### builtin-um: umask umask -S 022; umask
umask -S 022; umask
### builtin-um: umask umask 022; umask o+rw; umask -S
umask 022; umask o+rw; umask -S
### builtin-um: umask umask 022; umask g=u; umask
umask 022; umask g=u; umask
### builtin-um: umask umask 027; umask u+X; umask
umask 027; umask u+X; umask
### builtin-um: umask umask 022 033; umask
umask 022 033; umask
### builtin-um: umask umask 0777; umask -S
umask 0777; umask -S
### builtin-export: readonly -p
readonly r=1 s; readonly -p; readonly
### builtin-export: export bad name
export 1x=2; echo $?
### builtin-export: readonly assign error
readonly r=1; r=2; echo $?
### builtin-export: readonly twice
readonly r=1; readonly r=2; echo $?
### builtin-export: export readonly
readonly r=1; export r=2; echo $?
### builtin-export: export bad option
export -x
### builtin-export: unset bad option
unset -x
### builtin-export: unset -v -f order
unset -v x -f
### builtin-export: unset bad name
unset 1x; echo $?
### builtin-export: unset leaves function
f() { :; }; unset f; type f
### builtin-export: unset -f missing
unset -f x; echo $?
### builtin-export: unset readonly
readonly r=1; unset -v r; echo $?
### builtin-export: readonly temp assign
readonly x; x=1 true; echo $?
### builtin-export: readonly for var
readonly x=1; for x in a; do :; done; echo $?
### builtin-export: readonly read
readonly x=1; echo y | read x; echo $?
### builtin-export: readonly arith
readonly x=1; echo $((x=2)); echo $?
### builtin-export: readonly default assign
readonly x=1; : ${x:=2}; echo $?
### builtin-export: export unset then set
export v; v=1; sh -c 'echo $v'
### lineno: lineno: errors in compound commands name their first line
{
echo a
} > /nonexistent/x
while false
do :
done < /nonexistent/y
if true
then
:
fi > /nonexistent/z
for i in a
do
:
done >/nonexistent/w
case x in
x) ;;
esac >/nonexistent/v
(
:
) >/nonexistent/u
f() {
:
} >/nonexistent/t
f
### lineno: lineno: substitutions in for and case words
:
:
f() {
:
}
f
for i in $(nosuch); do :; done
case $(nosuch2) in *) ;; esac
### redir: quoted fd digit is a word
echo \2>q; cat q
### redir: fd must touch operator
echo 1 >p1; echo 2>p2; cat p1; echo --; cat p2
### redir: fds up to 9
echo data > f; cat 9<f 8<&9 7<&8 6<&7 5<&6 4<&5 3<&4 0<&3
### redir: multi digit fd
echo 11>md; cat md; echo $?
### redir: tilde in redirect target
echo x > f; HOME=$PWD; cat <~/f
### redir: expansions in redirect target
echo x > in0; i=zzin0; cat <${i#zz}; cat <`echo in`$(echo 0); cat <in$((1-1)); cat <\i'n'"0"
### redir: no pathname expansion in redirect target
echo star > 'in*'; echo no > in9; cat <in*
### redir: order of redirections
echo - 1>/dev/null 3>&1 2>&3 3>&-; echo $?
### redir: input redirection failure
</nonexistent/foo; echo $?
### redir: noclobber existing file
set -C; echo foo > f; echo boo > f; echo $?; cat f
### redir: noclobber non-regular ok
set -C; echo bar > /dev/null; echo $?
### redir: clobber operator
set -C; echo foo > f; echo bar >| f; cat f; >| f; wc -c < f
### redir: creation failure
> /nonexistent/dir/f; echo $?
### redir: append twice same file
{ echo a >&3; echo b >&4; echo c >&3; } 3>>ap 4>>ap; cat ap
### redir: in-out redirection
echo foo 1<>io; cat <>io
### redir: in-out failure
<> /nonexistent/x; echo $?
### redir: dup with expansion
echo in3 > f; cat 3<f 0<&"$((1+2))"
### redir: dup closed fd
exec 3<&-; cat <&3; echo $?
### redir: dup unreadable fd
cat 3>/dev/null <&3; echo $?
### redir: close output
echo hi >&-; echo $?
### redir: output dup failure
exec 3>&-; echo x >&3; echo $?
### redir: heredoc tabs and blank lines
cat <<END
here

	document
END
### redir: heredoc other fd
cat 3<<END <&3
foo
END
### redir: heredoc no tilde
HOME=/home; cat <<END
tilde ~ ${HOME}
END
### redir: heredoc param with quotes
foo=foooo; cat <<END
parameter ${foo%"oo"} "$foo"
END
### redir: heredoc backslashes
foo=bar; cat <<END
backslash \a \$foo \\\\ \`\` \"\" line-\
continuation
END
### redir: heredoc quotes kept
cat <<END
quote 'single' "double \$ 'a' " \$ 'a'
END
### redir: heredoc quoted delimiter
cat <<'END'
no ${expansion} $(here) `or` $((1+1)) \$ \\
END
### redir: heredoc delimiter quoting forms
cat <<E'N'D
single
END
cat <<E"N"D
double
END
cat <<E\ND
backslash
END
### redir: heredoc tab removal
cat <<-END
foo
			bar
		END
### redir: heredoc delimiter with dash
cat << -END
foo
END
-END
### redir: multiple heredocs one command
foo=bar
{ cat <&5; cat <&4; cat <&3; cat; } <<END0 3<<-END3 4<<'END4' 5<<-'END5'
	0 $foo
END0
	3 $foo
END3
	4 $foo
END4
	5 $foo
END5
### redir: heredocs on one line
cat <<END1; echo ---; cat <<END2
END2
END1
foo
END2
### redir: redirect is temporary
{ cat </dev/null; cat; } <<END
here
END
### redir: exec redirect stays
exec 3>out; echo a >&3; echo b >&3; exec 3>&-; cat out
### redir: exec input redirect
echo line > f; exec 4<f; read x <&4; echo "$x"
### redir: redirect on function definition
f() { echo inside; } > fout; f; cat fout
### redir: redirect on while
printf '1\n2\n' > nums; while read n; do echo "n=$n"; done < nums
### redir: redirect stderr of group
{ echo out; echo err >&2; } 2>/dev/null
### redir: heredoc in pipeline
cat <<END | tr a-z A-Z
shout
END
### redir: heredoc with command substitution status
x=$(cat <<END
inner
END
); echo "$x"
### redir: redirect to same fd twice
echo a > f1 > f2; cat f1; echo --; cat f2
### redir: fd 10 and above
exec 10>big; echo ten >&10; cat big
### redir: dup nonexistent fd number
echo x >&9; echo $?
### redir: redirect error on special builtin
: > /nonexistent/f; echo after $?
### redir: redirect error on builtin
echo hi > /nonexistent/f; echo after $?
### redir: redirect error on group
{ echo hi; } > /nonexistent/f; echo after $?
### redir: heredoc empty
cat <<END
END
echo done
### redir: heredoc eof unterminated
cat <<END
line
### control: errexit simple
set -e; false; echo not reached
### control: errexit and list last
set -e; true && false; echo not reached
### control: errexit and list first
set -e; false && true; echo reached
### control: errexit or list
set -e; false || false; echo not reached
### control: errexit negated
set -e; ! true; echo reached; ! false; echo reached2
### control: errexit pipeline
set -e; false | true; echo reached; true | false; echo not reached
### control: errexit subshell
set -e; (false; echo not reached 1); echo not reached 2
### control: errexit group
set -e; { false; echo not reached; }; echo no
### control: errexit if condition
set -e; if false; then :; fi; echo reached
### control: errexit while condition
set -e; while false; do :; done; echo reached
### control: errexit until body
set -e; until false; do echo in; false; echo no; done
### control: errexit in function
set -e; f() { false; echo not reached; }; f; echo no
### control: errexit function in condition
set -e; f() { false; echo reached in f; }; if f; then echo then; fi; echo after
### control: errexit cmdsub assignment
set -e; x=$(false); echo not reached
### control: errexit cmdsub argument
set -e; echo $(false) reached
### control: errexit case body
set -e; case a in a) false; echo no;; esac
### control: errexit for body
set -e; for i in 1 2; do echo $i; false; done
### control: errexit ignored in and-or subshell
set -e; (false && true); echo not reached
### control: errexit group and-or
set -e; { false && true; }; echo reached
### control: errexit eval
set -e; eval false; echo not reached
### control: errexit dot
set -e; echo false > f; . ./f; echo not reached
### control: errexit redirection error
set -e; echo x < /nonexistent; echo not reached
### control: errexit assignment only
set -e; x=1; echo reached
### control: errexit background
set -e; false & wait $!; echo not reached
### control: errexit set +e inside
set -e; set +e; false; echo reached
### control: errexit trap exit status
set -e; trap 'echo trap $?' EXIT; false
### control: exit status of assignment with subst
x=$(exit 3); echo $?; x=$(exit 3) y=1; echo $?
### control: exit status of empty command subst
$(exit 4); echo $?
### control: exit status redirection only
> f; echo $?; < /nonexistent; echo $?
### control: exit status of if
if false; then :; fi; echo $?; if true; then (exit 7); fi; echo $?
### control: exit status of case
(exit 3); case x in y) ;; esac; echo $?
### control: exit status of for no items
(exit 3); for i in; do :; done; echo $?
### control: exit status of while
i=0; while [ $i -lt 2 ]; do i=$((i+1)); (exit $i); done; echo $?
### control: exit status of function
f() { (exit 9); }; f; echo $?; g() { return; }; (exit 4); g; echo $?
### control: return status
f() { return 300; }; f; echo $?
### control: return outside function
return; echo $?
### control: return from dot inside function
echo 'return 5' > r.sh; f() { . ./r.sh; echo after dot $?; }; f; echo $?
### control: break out of function
for i in 1 2; do f() { break; }; f; echo $i; done
### control: break too many
for i in 1 2; do break 5; done; echo $i
### control: break zero
for i in 1; do break 0; done; echo $?
### control: break bad number
for i in 1; do break x; done; echo $?
### control: continue in until
i=0; until [ $i -ge 3 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done
### control: continue outside loop
continue; echo $?
### control: break in subshell in loop
for i in 1 2 3; do (break); echo $i; done
### control: nested loop break 2 continue
for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done
### control: function status in subshell
f() { return 42; }; ( f ); echo $?
### control: $0 in function
f() { echo $0 $1 $#; }; f a b
### control: function redefinition inside
f() { echo one; f() { echo two; }; }; f; f
### control: function with redirect and args
f() { echo "$@"; }; f 1 2 > out; cat out
### control: function positional restore
set -- a b; f() { set -- x; echo $1; }; f; echo $1 $#
### control: function shift
f() { shift; echo $#; }; f 1 2 3; echo $#
### control: function name with dash
my-func() { echo dashed; }; my-func
### control: function names vs builtins
echo() { printf 'my echo %s\n' "$*"; }; echo hi; command echo real
### control: function unset in itself
f() { unset -f f; echo once; }; f; f; echo $?
### control: special builtin assignment persists
x=1 :; echo $x
### control: regular builtin assignment temporary
x=1 true; echo "[${x-unset}]"
### control: function assignment
f() { echo "in $x"; }; x=1 f; echo "out [${x-unset}]"
### control: command not found status
nosuchcmd; echo $?
### control: not executable
echo 'echo hi' > s; ./s; echo $?
### control: directory as command
mkdir d; ./d; echo $?
### control: exit inside subshell
(exit 5); echo $?; (exit); echo $?
### control: exit with trap in subshell
(trap 'echo bye' EXIT; exit 3); echo $?
### control: exit bad number
exit abc; echo after
### control: exit negative
exit -1; echo after
### control: exit big
exit 256
### trap: trap exit runs at end
trap 'echo bye' EXIT; echo hi
### trap: trap exit status preserved
trap 'echo trap sees $?' EXIT; (exit 3)
### trap: trap exit with exit in trap
trap 'echo in trap; exit 7' EXIT; exit 3
### trap: trap exit in subshell not inherited
trap 'echo parent' EXIT; (echo child); echo done
### trap: trap listing order
trap 'echo t' TERM; trap 'echo i' INT; trap 'echo e' EXIT; trap 'echo h' HUP; trap
### trap: trap in subshell listing
trap 'echo i' INT; (trap - INT; trap); echo --; trap '' QUIT; (trap 'echo u' USR1; trap)
### trap: trap in cmdsub listing
trap 'echo i' INT; x=$(trap - INT; trap); echo "[$x]"
### trap: trap reset dash
trap 'echo x' INT; trap - INT; trap
### trap: trap numeric reset
trap 'echo x' INT TERM; trap 2 15; trap
### trap: trap single operand reset
trap 'echo x' INT; trap INT; trap
### trap: trap bad signal
trap 'echo x' NOSUCH; echo $?
### trap: trap bad signal then good
trap 'echo x' NOSUCH INT; echo $?; trap
### trap: trap lowercase name
trap 'echo x' int; trap
### trap: trap SIG prefix
trap 'echo x' SIGINT; echo $?
### trap: trap numbers
trap 'echo x' 1 15; trap
### trap: trap 0 is exit
trap 'echo zero' 0; echo main
### trap: trap signal delivered
trap 'echo got USR1' USR1; kill -USR1 $$; echo after
### trap: trap signal in loop
trap 'echo caught; exit 0' TERM; kill -TERM $$; echo not reached
### trap: trap ignored signal
trap '' TERM; kill -TERM $$; echo survived
### trap: trap ignored inherited by child
trap '' TERM; sh -c 'kill -TERM $$; echo child survived'
### trap: trap not ignored reset in child
trap 'echo x' TERM; sh -c 'kill -TERM $$; echo child not survived'; echo status $?
### trap: trap action status
trap 'false' USR1; kill -USR1 $$; echo $?
### trap: trap with double dash
trap -- 'echo dd' EXIT; trap --
### trap: trap options bad
trap -x; echo not reached
### trap: trap empty action kills nothing
trap '' INT; trap
### trap: trap exit from function
f() { trap 'echo exit trap' EXIT; }; f; echo after f
### trap: trap KILL
trap 'echo x' KILL; echo $?
### trap: trap exit recursive exit
trap 'exit 5' EXIT; exit 1
### trap: trap in eval
eval "trap 'echo ev' EXIT"; echo main
### trap: trap shows quote
trap "echo 'q'" EXIT; trap
### trap: kill self default
sh -c 'kill $$'; echo $?
### trap: kill -0
kill -0 $$; echo $?
### trap: kill by name
sh -c 'kill -s KILL $$'; echo $?
### trap: kill -l list
kill -l | head -5
### trap: kill -l status
kill -l 130; kill -l 143; kill -l 9
### trap: kill no args
kill; echo $?
### trap: kill bad signal
kill -s NOSUCH $$; echo $?
### trap: kill bad pid
kill abc; echo $?
### trap: kill missing arg -s
kill -s; echo $?
### trap: wait for status
(exit 7) & wait $!; echo $?
### trap: wait for killed
sh -c 'kill -9 $$' & wait $!; echo $?
### trap: wait no children
wait; echo $?
### trap: wait unknown pid
wait 99999; echo $?
### trap: wait bad arg
wait abc; echo $?
### trap: wait multiple
(exit 1) & a=$!; (exit 2) & b=$!; wait $a $b; echo $?
### trap: bang unset
echo "[${!-unset}]"
### trap: bang after background
true & [ -n "$!" ] && echo set
### trap: background output order
{ echo bg; } & wait; echo fg
### trap: background stdin is devnull
echo data | { cat & wait; }
### trap: background keeps variables separate
x=1; { x=2; } & wait; echo $x
### quote: backslash newline outside quotes
echo ab\
cd
### quote: backslash newline in single quotes
echo 'ab\
cd'
### quote: backslash in double quotes specials
echo "\$ \` \" \\ \a \n"
### quote: single quote in double quotes
echo "it's"
### quote: double in single
echo 'say "hi"'
### quote: empty quotes forms
set -- '' "" ''""; echo $#
### quote: quoted dollar sign
echo '$x' "\$x" \$x
### quote: dollar at end
echo $ "$" a$
### quote: dollar followed by special
echo $% $, $.
### quote: quoted reserved words
"if" true 2>/dev/null; echo $?; 'for'=1 2>/dev/null; echo $?
### quote: quoted assignment is not assignment
'x=1' 2>/dev/null; echo $?
### quote: escaped glob
touch ab; echo a\*; echo "a*"; echo a*
### quote: escaped space in word
set -- a\ b c; echo $#
### quote: backquote nesting escapes
echo `echo \`echo inner\``
### quote: backquote with backslash dollar
x=v; echo `echo \$x`; echo `echo '$x'`
### quote: backquote in double quotes with quotes
echo "`echo "a b"`"
### quote: dollar paren in double quotes nested quotes
echo "$(echo "$(echo "deep")")"
### quote: quotes in cmdsub in dq
echo "$(echo 'a   b')"
### quote: tilde quoted
HOME=/h; echo "~" '~' \~ ~
### quote: tilde after colon not in arg
HOME=/h; echo a:~/b
### quote: tilde user
echo ~root ~nosuchuser12
### quote: tilde in assignment value
HOME=/h; v=~; echo $v; v=x:~:~/y; echo $v
### quote: tilde followed by quote
HOME=/h; echo ~"/x"
### quote: comment after word
echo a#b # c
### quote: comment at start of word only
echo #x; echo x#
### quote: hash in quotes
echo "#" '#'
### quote: newline in double quotes
echo "a
b"
### quote: escaped newline in double quotes
echo "a\
b"
### quote: IFS chars in quotes
IFS=:; x=a:b; echo "$x" $x
### quote: quoted at
set -- "a b" c; for i in "$@"; do echo "[$i]"; done
### quote: star quoted with IFS
set -- a b; IFS=-; echo "$*"; IFS=; echo "$*"; unset IFS; echo "$*"
### quote: at inside word
set -- 1 2; printf '[%s]' "x$@y"; echo
### quote: empty at inside word
set --; printf '[%s]' "x$@y"; echo
### quote: at with default
set --; printf '[%s]' "${@:-d}"; echo; set -- "" ""; printf '[%s]' "${@:-d}"; echo
### quote: star default
set -- a b; printf '[%s]' "${*:-d}"; echo
### quote: length of special
set -- a bb; echo ${#1} ${#2} ${#@} ${##} ${#?}
### quote: length unset with -u
set -u; echo ${#nosuch}; echo after
### quote: parameter error messages
unset v; (: ${v?}); (: ${v:?}); v=; (: ${v:?}); (: ${v?set})
### quote: parameter error custom with expansion
unset v; w=word; (: ${v?was $w})
### quote: assign to positional
(: ${1=x}); echo $?
### quote: assign to special
(: ${#=x}) 2>&1; (: ${?:=x}) 2>&1
### quote: trim with variable pattern
x=abcabc; p=b; echo ${x#*$p} ${x##*$p} ${x%$p*} ${x%%$p*}
### quote: trim quoted variable pattern
x='a*b*c'; p='*'; echo ${x#*"$p"} ${x#*$p}
### quote: trim at
set -- abc abd; echo ${@#a} "${@%?}"
### quote: trim star
set -- xa xb; echo ${*#x}
### quote: trim empty pattern
x=abc; echo ${x#} ${x%}
### quote: trim with brackets
x=file.tar.gz; echo ${x%.[tg]*} ${x%%.[a-z]*}
### quote: nested default in trim
unset y; x=abc; echo ${x#${y:-a}}
### quote: dollar brace special chars
echo ${$} ${#} ${?} ${-} >/dev/null; echo ok
### quote: bad substitution forms
echo ${x!}; echo after
### quote: bad substitution 2
echo ${:-x}
### quote: bad substitution 3
echo ${x y}
### quote: positional over 9
set -- 1 2 3 4 5 6 7 8 9 10 11; echo $10 ${10} ${11} ${012}
### quote: unset positional
set -- a; echo "[$2]" "[${2-unset}]"
### quote: plus with at
set -- a b; printf '[%s]' "${@+x$@y}"; echo
### quote: word splitting of default
unset v; set -- ${v:-a b  c}; echo $#; set -- "${v:-a b  c}"; echo $#
### quote: default with glob
touch g1 g2; unset v; echo ${v:-g*}; echo "${v:-g*}"
### quote: arithmetic in default
unset v; echo ${v:-$((2+3))}
### quote: assign default splits
unset v; set -- ${v:=a b}; echo $# "$v"
### printf: printf reuse format
printf '%s-%s\n' a b c d e
### printf: printf missing args
printf '%s|%d|%c|%x\n'
### printf: printf no conversions extra args
printf 'hi\n' a b
### printf: printf numbers
printf '%d %i %o %u %x %X\n' 42 -42 8 3 255 255
### printf: printf number forms
printf '%d %d %d %d\n' 0x1F 010 "'a" '"b'
### printf: printf bad number
printf '%d\n' abc 12abc ''; echo $?
### printf: printf float
printf '%.2f %e %g %5.1f\n' 3.14159 1234.5 0.0001 2.25
### printf: printf widths
printf '[%5s][%-5s][%.2s][%5.2s][%*s]\n' ab ab abcdef abcdef 3 x
### printf: printf flags
printf '[%+d][% d][%05d][%-5d][%#x][%#o]\n' 5 5 5 5 255 8
### printf: printf percent and escapes
printf '100%%\t\\|\n'
### printf: printf b directive
printf '%b|%b|%b\n' 'a\tb' 'c\0101' 'd\cignored' ; echo
### printf: printf octal escape in format
printf '\101\102\0103\n'
### printf: printf hex escape
printf '\x41\n'
### printf: printf c conversion
printf '%c%c%c\n' abc d ''
### printf: printf invalid directive
printf '%z\n' x; echo $?
### printf: printf no format
printf; echo $?
### printf: printf dash format
printf -- '-%s\n' x
### printf: printf format from var
f='%s=%s\n'; printf "$f" a 1 b 2
### printf: printf large number
printf '%d\n' 99999999999999999999; echo $?
### printf: printf negative hex
printf '%x\n' -1
### printf: printf s with precision star
printf '%.*s\n' 2 abcdef
### printf: printf escape at end
printf 'a\'; echo
### printf: printf unknown escape
printf '\q\n'
### printf: printf %% with args
printf '%%\n' a
### printf: echo variants
echo -n a; echo -e b; echo -- c; echo -nn d; echo
### printf: echo escapes
echo 'a\nb' 'c\td' 'e\\f' 'g\0101h' 'i\cj' k
### printf: echo c stops
echo a 'b\c' d; echo next
### printf: echo octal forms
echo '\01\041\0101'
### builtin-type: type many
PATH=/bin; f() { :; }; alias al=echo; type f al if [ exit echo cat /bin/cat ./nosuch nosuch; echo $?
### builtin-type: type no args
type; echo $?
### builtin-type: command -v forms
f() { :; }; alias al='echo x'; for n in f al if [ exit /bin/cat nosuch; do command -v $n; echo $?; done
### builtin-type: command -V forms
PATH=/bin; f() { :; }; alias al='echo x'; for n in f al if [ exit cat nosuch; do command -V $n; echo $?; done
### builtin-type: command -v path with slash
command -v /bin/cat; command -v ./nosuch; echo $?
### builtin-type: command runs builtin not function
echo() { printf 'fn\n'; }; command echo builtin
### builtin-type: command with special builtin keeps assignment
x=1 command :; echo "[${x-unset}]"
### builtin-type: command special error not fatal
command set -q; echo after $?
### builtin-type: command -p
command -p echo via p
### builtin-type: command nonexistent
command nosuchcmd; echo $?
### builtin-type: hash builtin
PATH=/bin; hash cat; hash; hash -r; hash; echo $?
### builtin-type: hash nonexistent
hash nosuchcmd; echo $?
### builtin-type: type hashed
PATH=/bin; cat /dev/null; type cat
### builtin-type: eval syntax error
eval 'if'; echo not reached
### builtin-type: eval syntax error in function
f() { eval 'echo ('; echo after; }; f; echo end
### builtin-type: eval status
eval false; echo $?; eval; echo $?; eval ''; echo $?
### builtin-type: eval multiple args
eval echo a '&&' echo b
### builtin-type: eval newline
eval 'echo one
echo two'
### builtin-type: dot path search
mkdir d; echo 'echo found' > d/script; PATH=$PWD/d:$PATH; . script
### builtin-type: dot not executable fine
echo 'echo ran' > s; chmod -x s; . ./s
### builtin-type: dot missing
. ./missing; echo not reached
### builtin-type: dot no args
.; echo $?
### builtin-type: dot syntax error
echo 'if' > bad; . ./bad; echo not reached
### builtin-type: times format
times | tr 0-9 N
### builtin-type: ulimit -a names
ulimit -a | cut -c1-20
### builtin-type: true false args
true a b; echo $?; false a b; echo $?
### builtin-type: colon args and redirects
: $(echo side effect > se); cat se
### builtin-type: exit in pipeline
exit 3 | cat; echo $?
### builtin-type: shell name in error
nosuch_zz; echo $?
### builtin-type: echo builtin write error
echo hi > /dev/full 2>/dev/null; echo $?
### invoke: sh -c args
sh -c 'echo $0 $1 $#' name a b
### invoke: sh -c no name
sh -c 'echo $0'
### invoke: sh -c dashdash
sh -c -- 'echo $0 $1' n x
### invoke: sh -e -c
sh -e -c 'false; echo no'; echo $?
### invoke: sh +e
sh +e -c 'false; echo yes'
### invoke: sh -o errexit
sh -o errexit -c 'false; echo no'; echo $?
### invoke: sh -x -c
sh -x -c 'echo traced' 2>&1
### invoke: sh -s with args
echo 'echo $# $1' | sh -s a b
### invoke: sh script file
echo 'echo script $0 $1' > s.sh; sh s.sh arg
### invoke: sh script missing
sh ./nosuch.sh; echo $?
### invoke: sh bad option
sh -Z -c true; echo $?
### invoke: sh -c missing arg
sh -c; echo $?
### invoke: sh -n syntax check
sh -n -c 'echo not run'; echo $?; sh -n -c 'if'; echo $?
### invoke: sh -u
sh -u -c 'echo $nosuch'; echo $?
### invoke: sh -f
touch a1; sh -f -c 'echo a*'
### invoke: sh -v
sh -v -c 'echo v' 2>&1
### invoke: sh -C
echo x > f; sh -C -c 'echo y > f'; echo $?
### invoke: sh -a
sh -a -c 'v=1; sh -c "echo \$v"'
### invoke: sh options combined
sh -eu -c 'echo $-'
### invoke: sh stdin script
printf 'echo from stdin\nexit 3\n' | sh; echo $?
### invoke: sh stdin reads rest
printf 'read x\nhello\necho got $x\n' | sh
### invoke: sh reads script lines lazily
printf 'echo one\ncat\necho two\n' | sh
### invoke: sh exit status of last
sh -c 'false'; echo $?; sh -c ''; echo $?
### invoke: sh positional via set
sh -c 'set -- a b; echo $#'
### invoke: sh dollar zero in script
echo 'echo $0' > z.sh; sh z.sh; sh ./z.sh
### errors: syntax error ends script
sh -c 'fi
echo not reached'; echo $?
### errors: syntax error in eval ends script
sh -c 'eval fi; echo not reached'; echo $?
### errors: syntax error in eval in subshell
(eval fi; echo not reached); [ $? -ne 0 ]; echo $?
### errors: expansion error ends script
sh -c 'unset a; echo ${a?}; echo not reached'; echo $?
### errors: expansion error in subshell
unset a; (echo ${a?}; echo not reached); [ $? -ne 0 ]; echo $?
### errors: assignment error ends script
sh -c 'readonly a=a; a=b; echo not reached'; echo $?
### errors: assignment error in subshell
readonly a=a; (a=b; echo not reached); [ $? -ne 0 ]; echo $?
### errors: assignment error before various commands
for c in : . [ alias break cat cd command continue echo eval exec exit export false getopts hash jobs kill printf pwd read readonly return set shift test times trap true type ulimit umask unalias unset wait ./_no_such_; do sh -c "readonly a=a; a=b $c; echo not reached $c" 2>/dev/null; echo "$c $?"; done
### errors: assignment error in subshell various
for c in : cat echo eval exit ./_nope_; do (readonly a=a; a=b $c; echo not reached) 2>/dev/null; echo "$c $?"; done
### errors: for assignment error ends script
sh -c 'readonly a=a; for a in b; do echo not reached 1; done; echo not reached 2'; echo $?
### errors: redirection error special builtins end script
for c in : . break continue eval exec exit export readonly return set shift times trap unset; do sh -c "$c <_no_such_file_; echo not reached $c" 2>/dev/null; echo "$c $?"; done
### errors: redirection error special builtins in subshell
for c in : eval exit set trap unset; do ($c <_no_such_file_; echo not reached) 2>/dev/null; echo "$c $?"; done
### errors: redirection error regular builtin spares
cd <_no_such_file_; test $? -ne 0 && echo ok
### errors: redirection error missing command spares
./_no_such_command_ <_no_such_file_; test $? -ne 0 && echo ok
### errors: redirection error alone spares
<_no_such_file_; test $? -ne 0 && echo ok
### errors: command not found status
./_no_such_command_; echo $?
### errors: special builtin usage error ends script
sh -c 'shift 5; echo not reached'; echo $?; sh -c 'set -Q; echo not reached'; echo $?
### errors: regular builtin error spares
cd /nonexistent; echo reached $?; printf '%d\n' x; echo reached $?
### errors: function with expansion error
sh -c 'f() { echo ${u?}; }; f; echo not reached'; echo $?
### errors: error in command substitution
x=$(echo ${u?}); echo reached $?
### errors: error in trap action
sh -c 'trap "echo \${u?}" EXIT; echo main'; echo $?
### path: path search order
mkdir a b; printf '#!/bin/sh\necho a\n' > a/cmd; printf '#!/bin/sh\necho b\n' > b/cmd; chmod +x a/cmd b/cmd; PATH=$PWD/a:$PWD/b:$PATH; cmd; PATH=$PWD/b:$PWD/a:/bin:/usr/bin; cmd
### path: path skips non executable
mkdir a b; printf '#!/bin/sh\necho a\n' > a/cmd; printf '#!/bin/sh\necho b\n' > b/cmd; chmod +x b/cmd; PATH=$PWD/a:$PWD/b:$PATH; cmd
### path: path empty entry is cwd
printf '#!/bin/sh\necho here\n' > cmd; chmod +x cmd; PATH=:/bin:/usr/bin; cmd; PATH=/bin:/usr/bin:; cmd; PATH=/bin::/usr/bin; cmd
### path: path unset
printf '#!/bin/sh\necho here\n' > cmd; chmod +x cmd; unset PATH; cmd; echo $?
### path: path hashed and moved
mkdir a b; printf '#!/bin/sh\necho a\n' > a/cmd; chmod +x a/cmd; PATH=$PWD/a:$PWD/b:/bin:/usr/bin; cmd; printf '#!/bin/sh\necho b\n' > b/cmd; chmod +x b/cmd; rm a/cmd; cmd; echo $?; cmd
### path: path reassign clears hash
mkdir a b; printf '#!/bin/sh\necho a\n' > a/cmd; printf '#!/bin/sh\necho b\n' > b/cmd; chmod +x a/cmd b/cmd; PATH=$PWD/a:$PWD/b:/bin:/usr/bin; cmd; PATH=$PWD/b:$PWD/a:/bin:/usr/bin; cmd
### path: script without shebang
printf 'echo no shebang $0 $1\n' > s; chmod +x s; ./s arg
### path: script without shebang via path
printf 'echo no shebang\n' > s; chmod +x s; PATH=$PWD:$PATH; s
### path: not executable file
printf 'echo x\n' > s; ./s; echo $?
### path: directory in path
mkdir cmd; PATH=$PWD:$PATH; cmd; echo $?
### path: command with slash not in path
mkdir d; printf 'echo d\n' > d/s; chmod +x d/s; d/s
### path: path with temp assignment
mkdir a; printf '#!/bin/sh\necho a\n' > a/cmd; chmod +x a/cmd; PATH=$PWD/a:/bin cmd; echo $?
### path: function shadows path
cat() { echo fn; }; cat; command cat /dev/null; echo $?
### path: builtin not shadowed by path
mkdir a; printf '#!/bin/sh\necho fake\n' > a/echo; chmod +x a/echo; PATH=$PWD/a:$PATH; echo real
### input: alias in cmdsub not line-wise
x=$(alias false=:
false); echo $?
### input: alias in eval line-wise
eval 'alias false=:
false'; echo $?
### input: alias in sh -c line-wise
sh -c 'alias false=:
false'; echo $?
### input: alias from stdin line-wise
printf 'alias false=:\nfalse\n' | sh; echo $?
### input: empty input status
printf '' | sh; echo $?; printf '\n\n' | sh; echo $?; printf '\n# c\n\n#d\n' | sh; echo $?
### input: line continuation long
echo \
1                                                                   \
                                                                    \
2
### control2: case quoted pattern chars
case '*' in '*') echo star;; esac; case 'a' in '*') echo no;; *) echo yes;; esac
### control2: case pattern from variable quoted
p='a*'; case abc in "$p") echo lit;; $p) echo glob;; esac
### control2: case pattern with escaped char
case 'a?' in a\?) echo esc;; esac; case 'ab' in a\?) echo no;; *) echo nomatch;; esac
### control2: case empty word
case "" in "") echo empty;; esac; case "" in *) echo star;; esac
### control2: case multiple patterns
case b in a|b|c) echo abc;; esac
### control2: case first match wins
case x in x) echo one;; x) echo two;; esac
### control2: case leading paren
case y in (y) echo paren;; esac
### control2: case newline separated
case z in
  z)
    echo nl
    ;;
esac
### control2: case last arm no dsemi
case q in q) echo last
esac
### control2: case esac word as pattern
case esac in (esac) echo word;; esac
### control2: case keyword patterns
case if in if) echo kw;; esac
### control2: case with expansion in word
x=hello; case $x in h*) echo h;; esac
### control2: case word tilde
HOME=/h; case ~ in /h) echo tilde;; esac
### control2: case pattern tilde
HOME=/h; case /h in ~) echo tilde2;; esac
### control2: case word split not done
x='a b'; case $x in 'a b') echo whole;; esac
### control2: case status no match
false; case x in y) ;; esac; echo $?
### control2: case status empty body
false; case x in x) ;; esac; echo $?
### control2: case bracket patterns
case 5 in [0-9]) echo digit;; esac; case b in [!a]) echo nota;; esac
### control2: case character class
case A in [[:upper:]]) echo upper;; esac
### control2: case dash in bracket
case - in [a-]) echo dash;; esac
### control2: case slash star
case a/b in *) echo any;; esac; case a/b in a*b) echo slash;; esac
### control2: case leading dot
case .x in *x) echo dot;; esac
### control2: case pattern expansion cmdsub
case ab in $(echo a)*) echo sub;; esac
### control2: case in pipeline
echo x | case $(cat) in x) echo piped;; esac
### control2: for no in
set -- a b; for i do echo $i; done
### control2: for in newline
for i in a b
do echo $i; done
### control2: for semicolon newline
for i; do echo $i; done
### control2: for in empty
for i in; do echo never; done; echo "[${i-unset}]"
### control2: for var keeps last
for i in 1 2 3; do :; done; echo $i
### control2: for over glob
touch f1 f2; for f in f*; do echo $f; done
### control2: for word splitting
x='a b'; for i in $x "$x"; do echo "[$i]"; done
### control2: for with reserved word values
for i in do done in; do echo $i; done
### control2: for break continue status
for i in 1 2; do continue; done; echo $?
### control2: for variable name invalid
for 1x in a; do :; done
### control2: for in keyword position
for in in in; do echo $in; done
### control2: function body compound forms
f() ( echo subshell body ); f; g() if true; then echo if body; fi; g
### control2: function body for
f() for i in 1 2; do echo $i; done; f
### control2: function redirect applies each call
f() { echo x; } > fo; f; f; cat fo
### control2: function name dot
f.x() { echo dotted; }; echo $?
### control2: function overriding builtin cd
cd() { echo my cd; }; cd /; command cd /; pwd
### control2: function return status from last
f() { false; }; f; echo $?
### control2: function in pipeline
f() { read x; echo "got $x"; }; echo val | f
### control2: function recursion with locals
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 5
### control2: function args with spaces
f() { echo $#; for a; do echo "[$a]"; done; }; f 'a b' '' c
### control2: function defined in subshell not visible
(g() { :; }); g; echo $?
### control2: pipeline status last
false | true; echo $?; true | false; echo $?
### control2: pipeline negation
! false | false; echo $?
### control2: pipeline subshells
x=1; echo | x=2; echo $x; echo a | read y; echo "[${y-unset}]"
### control2: pipeline long
echo a | cat | cat | cat | cat | cat
### control2: pipeline stderr not piped
{ echo out; echo err >&2; } 2>/dev/null | cat
### control2: pipeline with group
{ echo a; echo b; } | { read x; read y; echo $y $x; }
### control2: pipeline newline after bar
echo p |
cat
### control2: andor newline after
true &&
echo and
### control2: andor precedence
false && echo no || echo yes; true || echo no && echo yes2
### control2: negation of compound
! { false; }; echo $?; ! (true); echo $?
### control2: subshell exit status
(false); echo $?; (exit 4); echo $?
### control2: subshell cd isolation
(cd /; pwd); pwd
### control2: subshell traps reset
trap 'echo t' EXIT; (echo in sub); echo out
### control2: group redirect
{ echo one; echo two; } > g; cat g
### control2: empty subshell error
( ) 2>/dev/null; echo $?
### control2: semicolon after background
true & ; echo x
### params: dollar dollar in subshell
a=$$; b=$(echo $$); (c=$$; [ $a = $c ] && echo same); [ $a = $b ] && echo same2
### params: ppid in subshell same
a=$PPID; (b=$PPID; [ "$a" = "$b" ] && echo ppid same)
### params: bang empty initially
echo "[${!:-none}]"
### params: bang after background
sleep 0 & p=$!; wait; [ "$p" -gt 0 ] && echo numeric
### params: bang in subshell
sleep 0 & p=$!; (echo "[$!]" | grep -c "$p")
### params: dollar zero in subshell and function
sh -c 'f() { echo $0; }; f; (echo $0)' myname
### params: dollar question after pipeline
false | false; echo $?
### params: dollar question after subst
x=$(exit 7); echo $?; echo $(exit 8) $?
### params: dollar question in trap
trap 'echo $?' EXIT; (exit 5)
### params: dollar hash after set and shift
set -- a b c; echo $#; shift; echo $#; set --; echo $#
### params: positional beyond
set -- 1 2 3 4 5 6 7 8 9 10 11 12; echo ${12} $#; shift 11; echo $1
### params: at and star unquoted with empty params
set -- a '' b; printf '[%s]' $@; echo; printf '[%s]' $*; echo; printf '[%s]' "$@"; echo; printf '[%s]' "$*"; echo
### params: set positional with option-like
set -- -e -x; echo $1 $2 "$-"
### params: IFS unset vs empty
unset IFS; x='a  b'; set -- $x; echo $#; IFS=; set -- $x; echo $#
### params: IFS default value
printf '%s' "$IFS" | wc -c
### params: PS1 PS2 PS4 defaults
echo "[${PS2-unset}]" "[${PS4-unset}]"
### params: PWD set
[ "$PWD" = "$(pwd)" ] && echo pwd ok
### params: OPTIND default
echo $OPTIND
### params: LINENO assigned
LINENO=5; echo "[$LINENO]"
### params: HOME default kept
echo "${HOME+set}"
### params: assignment order left to right
x=1 y=$x; echo $y; a=1; a=2 b=$a; echo $b
### params: assignment with command substitution status
x=$(false) y=1; echo $?
### params: assignment expansion no split
x='a  b'; y=$x; echo "$y"
### params: assignment tilde not in quotes
HOME=/h; x="~"; echo $x
### params: export with assignment expansion
v="a  b"; export w=$v; echo "$w"
### params: unset positional via shift
set -- a; shift; echo "[${1-unset}]"
### xtrace: xtrace unset PS4
unset PS4; set -x; echo a
### xtrace: xtrace PS4 custom
PS4='>> '; set -x; echo a
### xtrace: xtrace PS4 expanded
x=1; PS4='[$x] '; set -x; echo a
### xtrace: xtrace assignments
set -x; x=1 y="a b"; echo "a b" c
### xtrace: xtrace no quoting
set -x; echo "it's" "" a\ b
### xtrace: xtrace function
set -x; f() { echo in; }; f arg
### xtrace: xtrace cmdsub
set -x; x=$(echo hi)
### xtrace: xtrace compound
set -x; for i in 1; do :; done; case a in a) :;; esac; [ 1 ]; (echo sub); { echo grp; }
### xtrace: xtrace temp assign
set -x; x=1 true; x=2 sh -c 'echo $x'
### xtrace: xtrace redirection
set -x; echo hi > f; cat f
### xtrace: xtrace off
set -x; set +x; echo quiet
### async: background status zero
false & echo $?
### async: background exit status via wait
sh -c 'exit 3' & wait $!; echo $?
### async: background subshell variable isolation
x=1; x=2 & wait; echo $x
### async: background function
f() { echo in bg; }; f & wait
### async: background with redirect
echo data > f; { read x; echo "[$x]"; } < f & wait
### async: background stdin devnull explicit
echo data | { cat & wait; }
### async: background stdin explicit redirect
echo hi > f; cat < f & wait
### async: wait percent job
sleep 0 & wait %1; echo $?
### async: wait bad job
wait %5; echo $?
### async: kill percent job
sleep 5 & kill %1; wait; echo done
### async: multiple background order
(echo one) & wait; (echo two) & wait
### async: background in subshell wait
( sleep 0 & wait; echo inner )
### async: bang variable per job
sleep 0 & a=$!; sleep 0 & b=$!; [ "$a" != "$b" ] && echo differ; wait
### async: background pipeline
echo x | cat & wait
### async: background group
{ echo g1; echo g2; } & wait
### async: and-or in background
false && echo no & wait; true && echo yes & wait
### async: jobs builtin nonempty
sleep 1 & jobs | wc -l; kill %1
### signal: kill self INT
sh -c 'kill -INT $$; echo not reached'; echo $?
### signal: kill self TERM
sh -c 'kill $$; echo not reached'; echo $?
### signal: kill self HUP
sh -c 'kill -HUP $$'; echo $?
### signal: kill self USR1
sh -c 'kill -USR1 $$'; echo $?
### signal: ignored INT
sh -c 'trap "" INT; kill -INT $$; echo survived'
### signal: trapped INT continues
sh -c 'trap "echo caught" INT; kill -INT $$; echo after'
### signal: trap runs after command
sh -c 'trap "echo T" USR1; kill -USR1 $$; echo cmd'
### signal: trap in function
sh -c 'f() { kill -USR1 $$; echo after kill; }; trap "echo T" USR1; f'
### signal: signal exit status 128 plus
sh -c 'kill -9 $$'; echo $?; sh -c 'kill -15 $$'; echo $?
### signal: trap reset in subshell default action
trap 'echo parent' USR1; (kill -USR1 $$; echo child alive) 2>/dev/null; echo status $?
### signal: trap exit on signal death
sh -c 'trap "echo exit trap" EXIT; kill $$'; echo $?
### signal: trap signal then exit trap
sh -c 'trap "echo term trap; exit 3" TERM; trap "echo exit trap" EXIT; kill $$'; echo $?
### signal: child killed message
sh -c 'sh -c "kill -9 \$\$"; echo after $?' 2>&1
### signal: child killed by INT no message
sh -c 'sh -c "kill -INT \$\$"; echo after $?' 2>&1
### signal: child killed by PIPE no message
sh -c 'sh -c "kill -PIPE \$\$"; echo after $?' 2>&1
### signal: child killed by TERM message
sh -c 'sh -c "kill -TERM \$\$"; echo after $?' 2>&1
### signal: trap action sees dollar question
sh -c 'trap "echo in trap \$?" USR1; false; kill -USR1 $$; echo $?'
### heredoc: heredoc terminator trailing space not end
cat <<END
a
END 
b
END
### heredoc: heredoc terminator leading space not end
cat <<END
 END
END
### heredoc: heredoc in function called twice
f() { cat <<END
in f $1
END
}; f 1; f 2
### heredoc: heredoc with cmdsub heredoc inside
cat <<A
outer $(cat <<B
inner
B
) end
A
### heredoc: heredoc backslash newline joins
cat <<END
one \
two
END
### heredoc: heredoc quoted no join
cat <<'END'
one \
two
END
### heredoc: heredoc dollar alone
cat <<END
cost $ 5 $
END
### heredoc: heredoc unset var
unset u; cat <<END
[$u] [${u-def}]
END
### heredoc: heredoc at sign
set -- a b; cat <<END
$@ $* "$@"
END
### heredoc: heredoc tab strip only leading tabs
cat <<-END
	 	x
	END
### heredoc: heredoc and pipeline
cat <<END | wc -l
1
2
END
### heredoc: heredoc with semicolon after
cat <<END; echo after
body
END
### heredoc: heredoc two on one line
cat <<A; cat <<B
a
A
b
B
### heredoc: heredoc in loop
for i in 1 2; do cat <<END
it $i
END
done
### heredoc: heredoc read loop
while read l; do echo "<$l>"; done <<END
x y
z
END
### heredoc: heredoc EOF terminated
cat <<END
no terminator
### params2: dollar at in assignment
set -- a b; x="$@"; echo "$x"; y=$@; echo "$y"; IFS=:; z="$@"; echo "$z"; IFS=; w="$@"; echo "$w"
### params2: dollar at in case word
set -- a b; case "$@" in "a b") echo case;; esac
### quote2: continuation in words
printf '[%s]' 123\
456\
\
789 \
ABC\
 DEF; echo
### quote2: continuation in bang
\
!\
 false; echo $?
### quote2: continuation in braces and or
\
{\
 echo 1
\
}\
||
\
{\
 echo 2
\
}\

### quote2: continuation in case
\
c\
a\
s\
e\
 a \
i\
n\
 (a) echo 1\
;\
;\
e\
s\
a\
c\

### quote2: continuation in for
\
f\
o\
r\
\
 \
i\
 \
i\
n\
\
 1 2
\
d\
o\
\
 echo $i
\
d\
o\
n\
e\

### quote2: continuation in if
\
i\
f\
\
 false
\
t\
h\
e\
n\
\
 echo 1
e\
l\
i\
f\
 true
\
t\
h\
e\
n\
\
 echo 2
e\
l\
s\
e\
\
 echo 3
\
f\
i\
\

### quote2: continuation in and or operators
true\
&\
&\
\
false\
|\
|\
\
echo 1
### quote2: continuation in redirect operators
echo 1 >redir
echo 2 \
3\
>\
>\
\
redir \
>\
&\
\
3
cat \
4\
<\
>\
redir \
<\
&\
\
4
### quote2: continuation in clobber
set -C; echo XXX >clobber; echo foo \
>\
|\
\
clobber; cat clobber
### quote2: continuation in heredoc operators
cat \
<\
<\
\
E\
N\
D\

foo
END
cat \
<\
<\
-\
\
E\
O\
F\

		bar
	EOF
### quote2: continuation in assignment
fo\
o\
=\
b\
ar
echo $foo
### quote2: backslash escapes all chars
printf '[%s]' \ \!\$x\%\&\(\)\*\+\,\-\.\/ \# \"x\" \'x\'; echo
printf '[%s]' \0\1\2\3\4\5\6\7\8\9\:\;\<\=\>\?; echo
printf '[%s]' \@\A\Z\[\]\^\_ \\ \\\\; echo
printf '[%s]' \a\n\t\z\{\|\}\~ \`\`; echo
### quote2: backslashes in double quotes
printf '[%s]' "a\\b" "a\\\\b" "a\$b" "a\`b\`c" "a\"b\"c"; echo
printf '[%s]' "a\
b\
c"; echo
printf '[%s]' "\ \!\#\$x\%\&\'\(\)\*\+\,\-\.\/"; echo
printf '[%s]' "\`\a\n\t\z\{\|\}\~\`"; echo
### quote2: double quotes in cmdsub in double quotes
printf '[%s]' "$(printf '[%s]' "foo
echo ")"; echo
### quote2: quoted words not reserved
echo echo if command >if; chmod a+x if; PATH=.:$PATH; \if; "i"f; i'f'
### params3: param braces with quoted close
a=a; printf '[%s]' -${a-\}}- -${a-'}'}- -${a-"}"}- -${a}}-; echo
### params3: param nested command forms
a=a; printf '[%s]' -${a-${a}}- -${a-$({ :;})}- -${a-$(($({ :;})))}- -${a-${a-${a-${a}}}}-; echo
### params3: param without braces names
aa=value _L0NG_v=x; unset aaa; printf '[%s]' -$aa- -$aaa- -$_L0NG_v-; echo
### params3: param positional one digit
set a b; printf '[%s]' -$1- $22; echo
### params3: special params followed by same char
set 1; : dummy & zero="$0" dollar="$$" hyphen="$-" ex="$!" hash="$#"; echo "$??"; [ "$00" = "${zero}0" ] && [ "$$$$" = "$dollar$dollar" ] && [ "$--" = "$hyphen-" ] && [ "$!!" = "$ex!" ] && [ "$##" = "$hash#" ] && echo all ok
### params3: quoted expansion no glob no split
a='*'; b='a b  c'; printf '[%s]' "${a}" ${a+"${a}"} "${b}" ${b+"${b}"}; echo
### params3: tilde in embedded word
HOME=/foo/bar; unset a; printf '[%s]' ${a-~} ${a-~/}; echo
### params3: embedded word expansions
unset a; b=b; printf '[%s]' ${a-x${b}x} ${a-x$(echo -)x} ${a-x$((1+1))x}; echo
### params3: embedded word only if needed
a=a; unset b; printf '[%s]' -${a-${b?}}- -${b+${b?}}- -${a=${b?}}- -${a?${b?}}-; echo
### params3: end of embedded word
a=a; printf '[%s]' ${a-x}b}; echo
### params3: dash forms with set null unset
a=a n=; unset u; printf '[%s]' "${a-x}" "${n-x}" "${u-x}" "${a:-x}" "${n:-x}" "${u:-x}"; echo
### params3: plus forms
a=a n=; unset u; printf '[%s]' "${a+x}" "${n+x}" "${u+x}" "${a:+x}" "${n:+x}" "${u:+x}"; echo
### params3: equals forms
a=a n=; unset u; printf '[%s]' "${a=x}" "${n=x}" "${u=x}"; printf '[%s]' "$a" "$n" "$u"; echo
### params3: colon equals forms
a=a n=; unset u; printf '[%s]' "${a:=x}" "${n:=x}" "${u:=x}"; printf '[%s]' "$a" "$n" "$u"; echo
### params3: assign readonly via expansion
readonly n=; echo ${n:=x}; echo not reached
### params3: assign positional via expansion
echo ${1:=x}; echo not reached
### params3: assign special via expansion
echo ${*:=x}; echo not reached
### params3: question forms success
a=a n=; printf '[%s]' "${a?x}" "${n?x}" "${a:?x}"; echo
### params3: question with spaces message
unset u; (: "${u?foo bar  baz}") 2>&1
### params3: lengths
zero= one=a five=ccccc; printf '[%s]' ${#zero} ${#one} ${#five}; set '' a bb cccc; printf '[%s]' ${#1} ${#2} ${#3} ${#4}; echo; echo ${#?}
### params3: length unset
unset u; echo ${#u}
### params3: length unset nounset
set -u; unset u; echo ${#u}; echo not reached
### params3: hash disambiguation
printf '[%s]' ${#-""}; echo; printf '[%s]' ${#?X}; echo; printf '[%s]' ${#+""} "${#:+}"; echo; printf '[%s]' ${#=""} "${#:=}"; echo
### params3: prefix removal forms
a=1-2-3-4 s='***' h='###'; printf '[%s]' "${a#1}" "${a#2}" "${a#*-}" "${a#*}" "${s#'*'}" "${h#'#'}"; echo
### params3: longest prefix forms
a=1-2-3-4 s='***' h='###'; printf '[%s]' "${a##1}" "${a##2}" "${a##*-}" "${a##*}" "${s##'*'}" "${h###}"; echo
### params3: suffix forms
a=1-2-3-4 s='***' p='%%%'; printf '[%s]' "${a%4}" "${a%3}" "${a%-*}" "${a%*}" "${s%'*'}" "${p%'%'}"; echo
### params3: longest suffix forms
a=1-2-3-4 s='***' p='%%%'; printf '[%s]' "${a%%4}" "${a%%3}" "${a%%-*}" "${a%%*}" "${s%%'*'}" "${p%%%}"; echo
### params3: omitting braces
a=1; set 2; echo ${a}b-$ab-${1}0-${10}-$10
### params3: existence of positional
set a b c; echo ${3:+posix}; echo ${4-posix}
### params3: prefix with expanded word
HOME=/home/foo; x=$HOME/src/cmd; echo ${x#$HOME}
### params3: star quoted unset IFS
unset IFS; printf '[%s]' "$*"; set a; printf '[%s]' "$*"; set a 'b  b' cc; printf '[%s]' "$*"; set ''; printf '[%s]' "$*"; set '' ''; printf '[%s]' "$*"; echo
### params3: star quoted custom IFS
IFS=xyz; printf '[%s]' "$*"; set a; printf '[%s]' "$*"; set a 'b  b' cc; printf '[%s]' "$*"; set ''; printf '[%s]' "$*"; set '' ''; printf '[%s]' "$*"; echo
### params3: star quoted empty IFS
IFS=; printf '[%s]' "$*"; set a; printf '[%s]' "$*"; set a 'b  b' cc; printf '[%s]' "$*"; set ''; printf '[%s]' "$*"; set '' ''; printf '[%s]' "$*"; echo
### params3: at quoted forms
b() { if [ $# -gt 0 ]; then printf '[%s]' "$@"; fi; echo; }; b "$@"; b "=$@="; set a; b "$@"; b "=$@="; set a 'b  b' cc; b "$@"; b "=$@="; b "$@$@"; set ''; b "$@"; set '' ''; b "$@"; b "=$@="; b "$@$@"
### params3: at unquoted forms
b() { if [ $# -gt 0 ]; then printf '[%s]' "$@"; fi; echo; }; b $@; set a; b $@
### params3: one plus at
b() { if [ $# -gt 0 ]; then printf '[%s]' "$@"; fi; echo; }; b ${1+"$@"}; set a; b ${1+"$@"}; set a 'b  b' cc; b ${1+"$@"}
### tilde: tilde home unset
unset HOME; echo ~; echo ~/x
### tilde: tilde home empty
HOME=; echo "[~]" ~ ~/x
### tilde: tilde home with slash end
HOME=/h/; echo ~ ~/x
### tilde: tilde quoted parts
HOME=/h; echo ~'' ~"" ~\/x "~"/x
### tilde: tilde root user
echo ~root/x
### tilde: tilde in assignment multiple colons
HOME=/h; a=~:~:x~:~x:~/; echo $a
### tilde: tilde not at start of word
HOME=/h; echo a~ =~ :~
### tilde: tilde in export args
HOME=/h; export e=~/x:~/y; echo $e
### tilde: tilde in for words
HOME=/h; for i in ~ ~/a; do echo $i; done
### tilde: tilde in case pattern and word
HOME=/h; case ~ in ~) echo match;; esac
### tilde: tilde in redirect
HOME=$PWD; echo hi > ~/tf; cat tf
### tilde: tilde in param default quoted
HOME=/h; unset x; echo "${x:-~}" ${x:-~}
### tilde: tilde after equals in argument
HOME=/h; echo x=~ --opt=~
### tilde: tilde in heredoc not expanded
HOME=/h; cat <<E
~ ~/x
E
### tilde: tilde with glob chars in user
echo ~*
### tilde: tilde result not split
HOME='/a b'; set -- ~; echo $#
### tilde: tilde result not globbed
HOME='/*'; echo ~
### errexit: errexit independent redirection error
sh -e -c '<_no_such_file_; echo not reached'; echo $?
### errexit: errexit redirection error on command
sh -e -c 'echo x <_no_such_file_; echo not reached' 2>/dev/null; echo $?
### errexit: errexit middle of pipeline
sh -e -c 'false | false | true; echo reached'
### errexit: errexit last of pipeline
sh -e -c 'true | true | false; echo not reached'; echo $?
### errexit: errexit negated pipelines
sh -e -c '! false | false | true; ! true | true | false; echo reached'
### errexit: errexit and lists
sh -e -c 'false && ! echo no && ! echo no; echo reached; true && true && false; echo not reached'; echo $?
### errexit: errexit or lists
sh -e -c 'true || echo no; false || false || true; echo reached; false || false || false; echo not reached'; echo $?
### errexit: errexit subshell in pipeline
sh -e -c '(echo r1; false; echo no) | cat; echo r2; (echo r3; false; echo no); echo no'; echo $?
### errexit: errexit group in pipeline
sh -e -c '{ echo r1; false; echo no; } | cat; echo r2; { echo r3; false; echo no; }; echo no'; echo $?
### errexit: errexit for body
sh -e -c 'for i in 1 2 3; do echo a $i; test $i -ne 2; echo b $i; done; echo no'; echo $?
### errexit: errexit case body
sh -e -c 'case a in a) echo r1; false; echo no; esac; echo no'; echo $?
### errexit: errexit if condition list
sh -e -c 'if false; true; then echo r1; else echo no; fi; echo r2'
### errexit: errexit elif condition
sh -e -c 'if false; then :; elif false; true; then echo r1; fi; echo r2'
### errexit: errexit then else body
sh -e -c 'if true; then echo r1; false; echo no; fi'; echo $?; sh -e -c 'if false; then :; else echo r1; false; echo no; fi'; echo $?
### errexit: errexit while until conditions
sh -e -c 'while false; do :; done; until true; do :; done; echo reached'
### errexit: errexit while body
sh -e -c 'while true; do echo r1; false; echo no; break; done; echo no'; echo $?
### errexit: errexit until body
sh -e -c 'until false; do echo r1; false; echo no; break; done'; echo $?
### errexit: errexit ignored failure in subshell
sh -e -c '( false && true; ); echo not reached'; echo $?
### errexit: errexit ignored failure in grouping
sh -e -c '{ false && true; }; echo reached'
### errexit: errexit ignored failure in if body
sh -e -c 'if true; then false && true; fi; echo reached'
### errexit: errexit function in or list
sh -e -c 'f() { false; echo in f; }; f || echo or; echo after'
### errexit: errexit cmdsub inside
sh -e -c 'x=$(false; echo inner); echo "[$x]"'; echo $?
### errexit: errexit set in subshell
sh -c '(set -e; false; echo no); echo after $?'
### errexit: errexit trap
sh -e -c 'trap "echo trapped" EXIT; false; echo no'; echo $?
### errexit: errexit eval and dot
sh -e -c 'eval "false; echo no"'; echo $?; echo 'false; echo no' > dotf; sh -e -c '. ./dotf'; echo $?
### errexit: errexit command builtin
sh -e -c 'command false; echo no'; echo $?
### errexit: errexit arithmetic
sh -e -c ': $((0)); echo reached'
### options: allexport assignment forms
set -a; x=1; read y <<E
2
E
for z in 3; do :; done; : ${w=4}; sh -c 'echo $x $y $z $w'
### options: allexport getopts
set -a; getopts a o -a; sh -c 'echo $o $OPTIND'
### options: allexport off
set -a; set +a; q=1; sh -c 'echo "[${q-unset}]"'
### options: nounset positional
set -u; set -- a; echo $1; (echo $2); echo $?
### options: nounset special params
set -u; echo $# $? $- >/dev/null; echo "$@" "$*"; echo ok
### options: nounset bang
set -u; (echo $!); echo $?
### options: nounset in arith
set -u; (echo $((undefined_v + 1))); echo $?
### options: nounset default forms ok
set -u; echo ${nov-a} ${nov:-b} ${nov+c}x; echo ${#nov2} 2>&1
### options: noclobber append and devnull
set -C; echo a > f; echo b >> f; echo c > /dev/null; cat f
### options: noclobber dup
set -C; echo a > f; echo x 3>f; echo $?
### options: noglob quoted and unquoted
touch a1; set -f; echo a* "a*"; set +f; echo a*
### options: noexec in function
set -n; f() { echo no; }; f; echo no
### options: verbose not for eval
set -v; eval 'echo in eval' 2>&1
### options: xtrace in subshell
set -x; (echo sub) 2>&1
### options: monitor option in script
set -m; echo $- | grep -c m
### options: dollar minus after set
set -fu; echo $-; set +fu; echo "[$-]"
### options: set -o long names
set -o noglob -o nounset; echo $-; set +o noglob +o nounset; echo "[$-]"
### options: set -o prints current
set -e; set -o | grep errexit; set +o | grep errexit
### options: option combined with args
set -e -- a b; echo $- $#
### alias: alias reuse printed complex quotation
alias a='printf %s\\n \"['\\\'{'\\'}\\\'']\"'
save="$(alias a)"
unalias a
eval alias "$save"
a
### alias: alias printed all round trip
alias b=b c=c e='echo OK'
alias >sa1
unalias -a
IFS='
'
eval alias $(cat sa1)
alias >sa2
[ "$(cat sa1)" = "$(cat sa2)" ] && echo same
### alias: alias subshell inherits and cannot affect
alias a='echo ABC'
(alias a)
(alias a='echo BCD')
a
### alias: alias undefined errors
unalias -a; alias a; echo $?; alias t=false; unalias t; unalias t; echo $?
### alias: alias after assignment
alias s=sh
a=A s -c 'echo $a'
### alias: alias after redirection
alias e=echo
>/dev/null e not_printed
echo done
### alias: alias in pipeline
alias c=cat
echo ABC | c | c
### alias: alias to braces in compound
alias begin={ end=}
if true; then begin echo in; end; fi
### alias: alias to blank before if
alias b=" "
b if true; then echo ok; fi
### alias: alias to blank keeps status
alias b=" "
false
b
echo $?
### alias: alias to blank before newline
alias b=" "
(
echo ok | b
cat
) </dev/null
### alias: alias to assignment
alias a='a=A'
a b=B sh -c 'echo $a $b'
### alias: alias to redirection
alias r='>/dev/null'
r echo not_printed
echo ok
### alias: alias to heredoc
alias c='cat <<\END' d='c
here-document
END'
d
### alias: alias to bang
alias e='! echo'
if e if; then echo then; else echo else; fi
### alias: alias to parentheses
alias l='(' r=')'
a=A
l echo subshell; a=B; r
echo $a
### alias: alias to if keywords
alias i='if echo' t='then echo' ei='elif echo' es='else echo' f='fi </dev/null'
i if; then echo then1; elif echo elif; then echo then2; else echo else; fi
if echo if; t then1; elif echo elif; then echo then2; else echo else; fi
if false; then echo then1; ei elif; then echo then2; else echo else; fi
if false; then echo then1; elif false; then echo then2; es else; fi
if false; then echo then1; elif false; then echo then2; else echo else; f
### alias: alias to loop keywords
alias w='while :' u='until :' d='do echo' dn='done | cat -'
w X; true; d while; break; dn
u X; false; d until; break; dn
### alias: alias to for
alias f='for i in 1 2; do'
f echo $i; done
### alias: alias to case
alias c='case a in a) :' e='esac </dev/null | cat -'
c X; echo A; e
### alias: alias to double semicolon
alias s=';;'
case a in
    (b) s
    (a) echo A
esac
### alias: alias to function definition
alias def='f()' f='func'
def
{ echo f; }
func
### alias: IO number not aliased
alias 3=:
3>/dev/null echo \>
3</dev/null echo \<
### alias: alias starting with blank
alias e=' echo'
e A
### alias: alias ending with blank chain
alias c=cat e='echo '
e c c cat
alias c='cat '
e c c cat
### alias: aliases cannot replace reserved words
alias if=: then=: else=: fi=: for=: in=: do=: done=:
if true; then echo then; else echo else; fi
for a in A; do echo $a; done
### alias: quoted alias names not replaced
alias echo=:
\echo backslash at head
ech\o backslash at tail
e'c'ho partial single
'echo' full single
e"c"ho partial double
"echo" full double
### alias: line continuation in alias name
alias eeee=echo
ee\
e\
e ok
### alias: characters in alias name
alias Aa0_!%,@=echo
Aa0_!%,@ ok
### alias: recursive alias with blank
alias echo='echo % ' e='echo echo'
e !
### trap2: trap default kills
sh -c 'trap - USR1; kill -s USR1 $$'; kill -l $?
### trap2: trap ignore including subshell
sh -c 'trap "" USR1; kill -s USR1 $$; (kill -s USR1 $$); echo alive'
### trap2: trap multiple signals
trap 'echo trapped' USR1 USR2; kill -s USR1 $$; kill -s USR2 $$
### trap2: trap by numbers
for n in 1 2 3 6 14 15; do sh -c "trap 'echo trapped $n' $n; kill -s \$(kill -l $n) \$\$"; done
### trap2: trap numeric first operand resets
sh -c 'trap "echo trapped" 2 QUIT; trap 2 QUIT; kill -s INT $$'; kill -l $?; sh -c 'trap "echo trapped" 2 QUIT; trap 2 QUIT; kill -s QUIT $$'; kill -l $?
### trap2: trap exit at eof status
sh -c 'trap "echo trapped; false" EXIT; echo exiting'; echo $?
### trap2: trap exit with exit builtin status
sh -c 'trap "echo trapped; (exit 9)" EXIT; exit 7'; echo $?
### trap2: trap subshell statuses in signal trap
trap '(true) && echo ok1' INT; kill -s INT $$; trap '(false) || echo ok2' INT; kill -s INT $$
### trap2: trap subshell status in exit trap
sh -c 'trap "(true) && echo ok" EXIT; false'; echo $?; sh -c 'trap "(false) || echo ok" EXIT'; echo $?
### trap2: fatal error in trap
sh -c 'trap "set <_no_such_file_" INT; kill -s INT $$; echo not reached' 2>/dev/null; echo $?
### trap2: status restored after trap
trap 'false' USR1; kill -s USR1 $$; echo $?
### trap2: trap not affected by assignment in same command
sh -c 'foo=1 trap "echo EXIT \$foo" EXIT; foo=2; foo=3 echo $foo'
### trap2: trap not affected by assignment for function
sh -c 'f() { echo $foo; }; foo=1 trap "echo EXIT \$foo" EXIT; foo=2; foo=3 f'
### trap2: trap not affected by redirections when set
sh -c 'trap "echo foo1" EXIT >/dev/null'; sh -c '{ trap "echo foo2" EXIT; } >/dev/null'; sh -c 'f() { eval "trap \"echo foo3\" EXIT"; }; f >/dev/null'; sh -c 'trap "echo foo4" EXIT >/dev/null & wait $!'
### trap2: trap in subshell affected by outer redirection
sh -c '(trap "echo foo" EXIT) >/dev/null'; echo end
### trap2: trap set in async list
{ trap "echo trapped" USR1; sh -c 'kill -s USR1 $PPID'; echo ok; } & wait $!
### trap2: trap command evaluated each time
trap X USR1; alias X='echo 1'; kill -s USR1 $$; alias X='echo 2'; kill -s USR1 $$
### trap2: trap initially ignored cannot change
trap '' USR1 USR2; sh -c 'trap - USR1 2>/dev/null; trap "echo trapped" USR2 2>/dev/null; kill -s USR1 $$; kill -s USR2 $$; echo reached'
### trap2: trap initially ignored listing
trap '' USR1; sh -c 'trap; trap "echo x" USR1; trap'
### trap2: trap invoked more than once
trap 'echo trapped' USR1; kill -s USR1 $$; (kill -s USR1 $$); kill -s USR1 $$
### trap2: command trap reset in external
trap 'echo trapped' USR1; sh -c 'kill -s USR1 $$'; kill -l $?
### trap2: default trap in subshell
trap - USR1; (sh -c 'kill -s USR1 $$'); kill -l $?
### trap2: ignored trap in subshell
trap '' USR1; (sh -c 'kill -s USR1 $$'); echo $?
### trap2: command traps reset in subshell
trap 'echo trapped' USR1; (sh -c 'kill -s USR1 $PPID'; :); kill -l $?
### trap2: new trap in subshell
trap 'echo X' USR1; (trap 'echo trapped' USR1; sh -c 'kill -s USR1 $PPID'; :)
### trap2: new exit trap in subshell in exit trap
sh -c 'trap "(trap \"echo exit\" EXIT)" EXIT'
### trap2: printing traps reusable
trap 'echo "a"'"'b'"'\c' USR1; trap >pt; trap - USR1; . ./pt; kill -s USR1 $$
### trap2: traps printed in cmdsub
trap 'echo "a"'"'b'"'\c' USR1; trap >f; trap - USR1; eval "$(cat f)"; kill -s USR1 $$
### trap2: trap command starting with hyphen
echo 'echo "$@"' > ./-; chmod a+x ./-; PATH=.:$PATH; trap -- '- trapped' USR1; kill -s USR1 $$
### trap2: invalid empty signal
trap '' '' || echo reached
### getopts2: getopts optind optarg not exported
getopts a: o -a arg; getopts a: o -a arg; sh -c 'echo ${OPTIND-unset} ${OPTARG-unset}'
### getopts2: getopts var updated each call
getopts ab:c o -a -b arg -c; printf '1[%s]' "$o"; getopts ab:c o -a -b arg -c; printf '2[%s]' "$o"; getopts ab:c o -a -b arg -c; printf '3[%s]\n' "$o"
### getopts2: getopts status after all parsed
getopts ab:c o -a -b arg -c; getopts ab:c o -a -b arg -c; getopts ab:c o -a -b arg -c; echo $?; getopts ab:c o -a -b arg -c; echo $?
### getopts2: getopts optind with args
getopts a:b o -a '' -b; echo "[$OPTIND]"; OPTIND=1; getopts a:b o -a '-x  foo' -b; echo "[$OPTIND]"; OPTIND=1; getopts a:b o -a'  foo' -b; echo "[$OPTIND]"
### getopts2: getopts optarg values
getopts a: o -a ''; echo "[$OPTARG]"; OPTIND=1; getopts a: o -a '-x  foo'; echo "[$OPTARG]"; OPTIND=1; getopts a: o -a'  foo'; echo "[$OPTARG]"
### getopts2: getopts optarg unset without arg
getopts a o -a; echo "${OPTARG:-none}"
### getopts2: getopts unknown without colon
getopts '' o -a; printf '[%s]\n' "$o"; echo "${OPTARG-un}${OPTARG-set}"
### getopts2: getopts unknown with colon
getopts : o -a; printf '[%s] [%s]\n' "$o" "$OPTARG"
### getopts2: getopts missing arg with colon
getopts :a: v -a; printf '[%s] [%s]\n' "$v" "$OPTARG"
### getopts2: getopts missing arg without colon
getopts a: v -a; printf '[%s]\n' "$v"; echo "${OPTARG-un}${OPTARG-set}"
### getopts2: getopts after all parsed values
getopts a x -a; getopts a x -a; printf '[%s]\n' "$x"; echo "$OPTIND"
### getopts2: getopts grouped
for i in 1 2 3 4; do getopts abc o -abc; printf '%s[%s]' $i "$o"; done; echo
### getopts2: getopts single hyphen operand
getopts '' x -; echo $?
### getopts2: getopts double hyphen optind
getopts ab x -a -- -b; printf '1[%s]' "$x"; getopts ab x -a -- -b || printf '2[%d]\n' "$OPTIND"
### getopts2: getopts optind no operands
getopts '' x; printf '%d ' "$OPTIND"; OPTIND=1; getopts '' x operand; printf '%d ' "$OPTIND"; OPTIND=1; getopts '' x --; printf '%d ' "$OPTIND"; OPTIND=1; getopts '' x -- operand; printf '%d\n' "$OPTIND"
### getopts2: getopts reset optind other args
getopts ab p -a -b; getopts ab p -a -b; getopts ab p -a -b; OPTIND=1; getopts xy q -x -y; printf '1[%s]' "$q"; getopts xy q -x -y; printf '2[%s]' "$q"; getopts xy q -x -y; printf '3[%d]\n' "$OPTIND"
### getopts2: getopts positional default
set -- -a -b arg -c; getopts ab:c o; printf '1[%s]' "$o"; getopts ab:c o; printf '2[%s]' "$o"; getopts ab:c o; printf '3[%s]\n' "$o"
### getopts2: getopts digits as options
for i in 1 2 3 4; do getopts ab:01: o -a -b arg -1 -2 -0; printf '%s[%s]' $i "$o"; done; echo
### exec: exec replaces shell status
sh -c 'exec sh -c "exit 5"; echo not reached'; echo $?
### exec: exec in subshell
(exec echo from exec); echo after
### exec: exec assignment persists for command
sh -c 'x=1 exec sh -c "echo \$x"'
### exec: exec keeps exported vars
sh -c 'export v=ok; exec sh -c "echo \$v"'
### exec: exec fd persistent across commands
exec 4>ef; echo one >&4; echo two >&4; exec 4>&-; cat ef
### exec: exec close stdout then error
(exec >&-; echo x) 2>/dev/null; echo $?
### exec: exec dup stderr to stdout
(exec 2>&1; echo err >&2) | cat
### exec: exec with no args status
false; exec; echo $?
### exec: exec not found in subshell
(exec nosuchcmd_x); echo $?
### exec: exec not executable
echo x > nx; (exec ./nx); echo $?
### exec: exec dashdash
(exec echo -- dashed)
### exec: exec builtin name
(exec echo builtin-as-program)
### exec: exec function name uses program
f() { echo func; }; (exec f) 2>&1; echo $?
### exec: exec with redirection on command
(exec echo to-file > ef2); cat ef2
### exec: exec keeps traps until replaced
sh -c 'trap "echo trapped" EXIT; exec echo replaced'
### exec: exec failure in interactive-like subshell continues
sh -c 'exec /nonexistent/x; echo not reached'; echo $?
### simple: empty command with cmdsub status
$(exit 11); echo $?
### simple: words expanded before assignments and redirections
unset a; a=$(echo A 3>|f1) 3>|f1 echo "$(test -f f1 || echo file does not exist $a)"
### simple: redirections before assignments for regular command
rm -f f2; a=$(cat f2 2>&1) 3>|$(echo f2) true; echo $?
### simple: multiple assignments expansions
a= b=bar; c=$b d=X e=$a; printf '[%s]' "$c" "$d" "$e"; echo
### simple: assignment expansions kinds
x=X; a=$x${x} b=$(echo $x)`echo $x` c=$((1+2)); printf '[%s]' "$a" "$b" "$c"; echo
### simple: quotes in assignment
a='A"B"C' b="A'B'C" c=\'\"C\"\'; printf '[%s]' "$a" "$b" "$c"; echo
### simple: assignment persistent for empty command with empty expansion
unset a b x; a=A; b=B $x; printf '[%s]' "$a" "$b"; echo
### simple: assignment visible in function temp
f() { echo function $a; }; a=1; a=2 f; echo $a
### simple: assignment temporary for builtin
a=1; a=2 echo ok; echo "[$a]"
### simple: assignment exported for program
a=A sh -c 'echo $a'
### simple: assignment status with cmdsub
a=$(exit 13); echo $?
### simple: assignment done even if cmdsub fails
a=foo$(false); echo "[$a]"
### simple: assignment done even if cmdsub fails errexit
sh -e -c 'trap "echo \"[\$a]\"" EXIT; a=foo$(false); echo not reached'
### simple: redirection status with cmdsub
>/dev/null$(exit 17); echo $?
### simple: redirection done even if cmdsub fails
>f11$(false); [ -f f11 ] && echo made
### simple: redirection done even if cmdsub fails errexit
sh -e -c 'trap "[ -f f12 ] && echo f12 created" EXIT; >f12$(false)'
### simple: assignment-like argument
export foo=F; sh -c 'echo $1 $foo' X foo=bar; foo=f sh -c 'echo $1 $foo' X foo=bar
### simple: redirections between tokens
</dev/null foo=bar </dev/null sh </dev/null -c 'echo $1' X <//dev/null 1 </dev/null
### simple: empty PATH echo still builtin
PATH=; echo printed
### simple: relative PATH entry with cd
mkdir a b; echo 'echo Running a' > a/cmd1; echo 'echo Running b' > b/cmd1; chmod +x a/cmd1 b/cmd1; PATH=.:$PATH; cd a; cmd1; cd ../b; cmd1
### simple: PATH assignment clears hash
mkdir a b c; PATH=$PWD/a:$PWD/b:$PWD/c:$PATH; for c in c/c1 c/c2; do echo "echo Running $c" > $c; chmod +x $c; done; c1; c2; echo ---; for c in b/c1 b/c2; do echo "echo Running $c" > $c; chmod +x $c; done; PATH="$PATH"; for c in a/c1 a/c2; do echo "echo Running $c" > $c; chmod +x $c; done; c1; c2
### simple: remembered path ignored if missing
mkdir a b; PATH=$PWD/a:$PWD/b:$PATH; for c in b/c1 b/c2; do echo "echo Running $c" > $c; chmod +x $c; done; c1; c2; echo ---; for c in a/c1 a/c2; do echo "echo Running $c" > $c; chmod +x $c; done; rm b/c1 b/c2; c1; c2
### simple: argv0 of sh
sh -c 'echo "$0"'
### cmdsub: cmdsub result and subshell
a=$(echo a) && printf '[%s]' $a`echo b`; echo; a=a; b=$(a=x; echo b); echo $a$b
### cmdsub: cmdsub trailing newlines
a=$(printf 'x\ny') b=$(printf 'x\ny\n') c=$(printf 'x\n\ny\n\n\n\n'); printf '[%s]' "$a" "$b" "$c"; echo
### cmdsub: cmdsub stdin not redirected
echo a | echo $(cat)
### cmdsub: cmdsub stderr not redirected
printf '[%s]\n' "$(echo x >&2)" 2>&1
### cmdsub: cmdsub field splitting
printf '[%s]' $(printf 'a\n\nb'); echo
### cmdsub: backquote backslashes nested
printf '%s\n' `printf '%s\n' \`printf '%s\n' x\``; printf '%s\n' `printf '%s\n' '\$y'`; printf '%s\n' `printf '%s\n' \\\\`
### cmdsub: quotations in backquotes
r() { printf '%s\n' "$*"; }
r `r "a"'b'`
r `r \$ "\$" '\$'`
r `r \\\\ "\\\\" '\\\\'`
r `r \" "\"" '\"'`
r `r \' "\'"`
r `r \`echo a\` "\`echo b\`" '\`echo c\`'`
### cmdsub: quotations in backquotes in double quotes
r() { printf '%s\n' "$*"; }
r "`r "a"'b'`"
r "`r \$ "\$" '\$'`"
r "`r \\\\ "\\\\" '\\\\'`"
r "`r \"1\"`"
r "`r \'2\'`"
r "`r \`echo a\` "\`echo b\`" '\`echo c\`'`"
### cmdsub: backquotes in heredoc
r() { printf '%s\n' "$*"; }
cat <<END
`r \"1\"`
" `r \"2\"` "
END
### cmdsub: quotations in dollar paren
printf '%s\n' "$(printf '%s\n' ")\$"')\$'\)\$)"
### cmdsub: comment in dollar paren
printf '%s\n' "$(
echo a # ) comment
)"
### cmdsub: case in dollar paren
printf '%s\n' "$(
case a in
(a) echo x;;
 *) echo not reached;;
esac
)"
### cmdsub: heredoc in dollar paren
printf '%s\n' "$(cat <<\END
foo)
END
)"
### cmdsub: cmdsub between heredoc operator and body
cat <<\OUTER; printf '%s\n' "$(cat <<\INNER
inner
INNER
)"
outer
OUTER
### cmdsub: cmdsub result not expanded further
a=A HOME=home; printf '%s\n' $(printf '%s\n' '~/$a$()$((1))``'); printf '%s\n' "$(printf '%s\n' '~/$a$()$((1))``')"
### cmdsub: cmdsub splitting and globbing
> dummyfile; printf '[%s]' $(printf '%s\n' 'A B  C') "$(printf '%s\n' 'A B  C')" $(printf '%s\n' 'dumm*ile') "$(printf '%s\n' 'dumm*ile')"; echo
### cmdsub: nested cmdsub with subshell
echo $( (echo $(echo $(echo x))))
### cmdsub: ambiguity with arithmetic
printf '%s\n' $((cat <<EOF
+((((
EOF
) && (
cat <<EOF
+
EOF
))
### special: assignment persists on special builtins
a=a; a=b :; echo $a; a=a; a=b . /dev/null; echo $a; a=a; for i in 1; do a=b break; done; echo $a; a=a; for i in 1; do a=b continue; done; echo $a
### special: assignment persists on more special builtins
a=a; a=b eval ''; echo $a; a=a; a=b exec; echo $a; a=a; a=b export c=c; echo $a; a=a; a=b readonly d=d; echo $a
### special: assignment persists on return set shift times trap unset
f() { a=b return; }; a=a; f; echo $a; a=a; a=b set ''; echo $a; a=a; a=b shift 0; echo $a; a=a; a=b times >/dev/null; echo $a; a=a; a=b trap - TERM; echo $a; a=a; a=b unset b; echo $a
### special: function cannot be special builtin
:() { echo no; }; echo not reached
### special: function overrides regular builtins
for c in alias cd command false getopts hash jobs kill pwd read true type ulimit umask unalias wait; do eval "$c() { echo function overrides $c; }; $c XXX; unset -f $c"; done
### special: special builtins without PATH
unset PATH; :; . /dev/null; for i in 1; do break; done; eval ''; exec; export a=a; readonly b=b; f() { return; }; f; set ''; shift 0; times >/dev/null; trap - TERM; unset unset; echo $?
### special: regular builtins without PATH
unset PATH; alias a=a; cd .; command :; getopts o o -o; hash -r; jobs; kill -0 $$; pwd >/dev/null; true; type type >/dev/null; umask 000; unalias -a; wait; echo ok
### numbers past INT_MAX are illegal for wait, kill, exit, shift, break, return
wait 2147483648; echo $?; wait 99999999999999999999; echo $?
kill -0 99999999999999999999; echo $?; kill -0 -2147483649; echo $?; kill -s 0 2147483648; echo $?
(exit 2147483648); echo $?; (shift 2147483648); echo $?
for i in 1; do break 2147483648; done; echo $?
f() { return 99999999999999999999; }; (f); echo $?
### numbers take C's leading and trailing blanks and a sign
(exit " 3 "); echo $?; (exit +4); echo $?; set -- a b c; shift " 2"; echo $1
f() { return '	7'; }; f; echo $?; wait ' 1'; echo $?
### kill stops at an illegal number
kill -0 abc $$; echo $?; kill -0 $$ abc; echo $?
### command -p searches the standard PATH, whatever PATH says
PATH=; command -p echo foo bar | command -p cat; command -pv cat >/dev/null; echo $?
command -v cat; echo $?; command -p -- true; echo $?
### command exec with a failing redirection does not end the script
command exec <_no_such_file_; echo st=$?; command exec 3</nonexist; echo st=$?
exec <nonexist; echo not reached
### $! of a background pipeline is its last stage, whose trap catches a signal sent there
true | { trap 'echo trapped; exit 0' USR1; sleep 1; } & sleep 0.5; kill -s USR1 $!; wait $!; echo st=$?
echo a b | wc -w; yes | head -n 2; ! true | false; echo $?
### a bare exit in a trap action exits with $? from before the action
sh -c 'trap "(exit 1); exit" EXIT; (exit 2); exit'; echo $?
sh -c 'trap "(exit 1); exit" EXIT; (exit 2)'; echo $?
sh -c 'trap "(exit 2); exit" INT; (exit 1); kill -INT $$'; echo $?
sh -c 'f() { (exit 3); exit; }; trap f USR1; false; kill -USR1 $$; echo no'; echo $?
### a dot script with no command gives status 0, whatever $? was
false; . /dev/null; echo $?
printf '# only a comment\n\n' > c.sh; (exit 5); . ./c.sh; echo $?
printf 'echo $?\n' > d.sh; (exit 5); . ./d.sh; echo $?
### break and continue in eval or a dot script leave the loop around it
for i in 1; do eval break; echo not reached; done; echo a
for i in 1 2; do echo $i; eval 'continue'; echo not reached; done
echo break > brk; for i in 1; do . ./brk; echo not reached; done; echo b
for i in 1; do eval '(break); echo subshell goes on'; done
### break gives the loop status 0, whatever came before it
for i in 1; do false; break; done; echo $?
for i in 1 2; do false; continue; done; echo $?
while true; do (exit 3); eval break; done; echo $?
### wait PID gives the status of a job already collected when another started
exit 1& p1=$!
exit 2& p2=$!
exit 3& p3=$!
wait $p3 $p2 $p1; echo $?
### a subshell has no jobs of its own to wait for, even as the last command
exit 1& p=$!; (wait $p); echo $?; wait 99999; echo $?
sh -c 'exit 1& p=$!; (wait $p)'; echo $?
### cd goes on along CDPATH past an empty entry that has no such directory
mkdir -p a/foo b/foo/bar dev; CDPATH=$PWD/a::$PWD/b
cd -L foo/bar; cd ../../..; cd -P foo/bar; cd ../../..
cd foo; cd ../..; cd dev; pwd; cd ..; cd nonexist; echo $?
