import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DataDirInUseError } from "../errors.ts";

/**
 * Who owns an embedded Redis data folder: the pid file records the owning service's PID (with
 * its start time, so a PID reused after a reboot or a container restart is not mistaken for it),
 * and, once started, its redis-server's PID and port. Created exclusively and whole, so of two
 * services starting at once in the same folder only one gets it.
 */
export type DataDirRecord = {
  owner: number;
  ownerStartedAt?: string;
  redisPid?: number;
  port?: number;
};

export type DataDirLock = {
  /** Records the started redis-server. */
  update(redisPid: number, port: number): void;
  /** Gives the folder up (only while this process still owns it). */
  release(): void;
};

/** Pid files this process holds: its own PID in a file it did not write is a reused PID. */
const heldHere = new Set<string>();

/**
 * Claims the folder's pid file for this process. Refuses with DataDirInUseError while the
 * recorded service is still running; a stale file (its service gone) is removed, and a
 * redis-server it left behind (its parent was SIGKILLed) is stopped first.
 */
export function lockDataDir(folder: string, file: string): DataDirLock {
  const dataDir = resolve(folder);
  const pidFile = resolve(file);
  const self: DataDirRecord = { owner: process.pid, ownerStartedAt: startTimeOf(process.pid) };
  let claimed = false;
  for (let attempt = 0; attempt < 3 && !claimed; attempt++) {
    try {
      createComplete(pidFile, self);
      claimed = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const record = readRecord(pidFile);
      if (record && ownerRunning(record, pidFile))
        throw new DataDirInUseError(dataDir, record.owner, record.port);
      if (record) stopOrphanedRedis(record);
      rmSync(pidFile, { force: true });
    }
  }
  if (!claimed) {
    const record = readRecord(pidFile);
    throw new DataDirInUseError(dataDir, record?.owner, record?.port);
  }
  heldHere.add(pidFile);
  const ours = () => heldHere.has(pidFile) && readRecord(pidFile)?.owner === process.pid;
  return {
    update(redisPid, port) {
      if (!ours()) return;
      const temporary = `${pidFile}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify({ ...self, redisPid, port }));
      renameSync(temporary, pidFile);
    },
    release() {
      if (ours()) rmSync(pidFile, { force: true });
      heldHere.delete(pidFile);
    },
  };
}

/** Creates the file with its whole content at once (link fails if it exists): never half-written. */
function createComplete(pidFile: string, record: DataDirRecord): void {
  const temporary = `${pidFile}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(record));
  try {
    linkSync(temporary, pidFile);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function readRecord(pidFile: string): DataDirRecord | undefined {
  let text: string;
  try {
    text = readFileSync(pidFile, "utf8").trim();
  } catch {
    return undefined;
  }
  // Before the owner was recorded the file held only the redis-server's PID.
  if (/^\d+$/.test(text)) return { owner: 0, redisPid: Number(text) };
  try {
    const record = JSON.parse(text) as DataDirRecord;
    return Number.isInteger(record.owner) ? record : undefined;
  } catch {
    return undefined;
  }
}

function ownerRunning(record: DataDirRecord, pidFile: string): boolean {
  if (record.owner === process.pid) return heldHere.has(pidFile);
  if (record.owner <= 0 || !alive(record.owner)) return false;
  const startedAt = startTimeOf(record.owner);
  return !record.ownerStartedAt || !startedAt || startedAt === record.ownerStartedAt;
}

/** Only a redis-server still serving this folder's port is stopped, never a reused PID. */
function stopOrphanedRedis(record: DataDirRecord): void {
  if (!record.redisPid) return;
  try {
    const cmdline = readFileSync(`/proc/${record.redisPid}/cmdline`, "utf8");
    const ours = cmdline.includes("redis-server") && (!record.port || cmdline.includes(`:${record.port}`));
    if (ours) process.kill(record.redisPid, "SIGKILL");
  } catch {
    // Not running any more (or no /proc): nothing to clean up.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process's start time in clock ticks since boot (Linux); undefined elsewhere. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}
