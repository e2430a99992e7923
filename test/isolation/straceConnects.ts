// Reads `strace -f -e trace=connect,execve,clone,clone3,fork,vfork -o LOG` output: every connect() with
// its address, attributed to the program its process ran (followed through forks and execs).

export interface ConnectAttempt {
  pid: number;
  program: string;
  family: string;
  address: string;
  result: string;
  local: boolean;
}

export function parseStraceConnects(log: string, rootProgram: string): ConnectAttempt[] {
  const program = new Map<number, string>();
  const attempts: ConnectAttempt[] = [];
  const pendingExec = new Map<number, string>();
  const nameOf = (pid: number): string => program.get(pid) ?? rootProgram;
  for (const line of log.split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const call = m[2] ?? '';
    // a call interrupted by another process's line is split: "clone3(…) <unfinished ...>" … "<... clone3 resumed> …) = PID"
    const child = /^(?:(?:clone3?|v?fork)\(|<\.\.\. (?:clone3?|v?fork) resumed>).*\)\s+=\s+(\d+)/.exec(call);
    if (child) {
      program.set(Number(child[1]), nameOf(pid));
      continue;
    }
    const execStart = /^execve\("([^"]+)"/.exec(call);
    if (execStart) pendingExec.set(pid, execStart[1] ?? '');
    if ((execStart || call.startsWith('<... execve resumed>')) && /\)\s+=\s+0$/.test(call)) {
      const path = pendingExec.get(pid) ?? '';
      // Chromium starts its helpers as /proc/self/exe: they keep the parent's name
      if (path !== '/proc/self/exe') program.set(pid, path.split('/').pop() ?? '');
      continue;
    }
    const conn = /^connect\(\d+,\s*\{sa_family=(AF_\w+)(.*?)\},\s*\d+\)\s+=\s+(.*)$/.exec(call);
    if (!conn) continue;
    const family = conn[1] ?? '';
    const rest = conn[2] ?? '';
    const addr =
      /inet_addr\("([^"]+)"\)/.exec(rest)?.[1] ??
      /inet_pton\(AF_INET6,\s*"([^"]+)"/.exec(rest)?.[1] ??
      /sun_path=(@?"[^"]*")/.exec(rest)?.[1] ??
      rest.trim();
    const port = /sin6?_port=htons\((\d+)\)/.exec(rest)?.[1];
    const local = family === 'AF_UNIX' || family === 'AF_NETLINK' || addr === '127.0.0.1' || addr === '::1' || family === 'AF_UNSPEC';
    attempts.push({ pid, program: nameOf(pid), family, address: port ? `${addr}:${port}` : addr, result: conn[3] ?? '', local });
  }
  return attempts;
}
