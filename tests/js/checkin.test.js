import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { checkinText, checksum, cleanName, collectCheckins, decodeCheckin, describeWeek, encodeCheckin } from "../../docs/javascripts/rp/checkin.js";
import { checkinMessage, progressWeeks } from "../../docs/javascripts/rp/share-panel.js";
import { emptyJournal } from "../../docs/javascripts/rp/store.js";

const TRACK = "six-week-leadership";
const READINGS = [2, 2, 2, 2, 2, 1];
const idle = { status: 0, read: 0, answers: 0 };
const sam = {
  track: TRACK,
  name: "Sam",
  day: "2027-01-20",
  weeks: [{ status: 2, read: 2, answers: 3 }, { status: 1, read: 1, answers: 0 }, idle, idle, idle, idle],
};
const CODE = /^RPC1[A-Z2-7]+$/;
const COHORT = { track: TRACK, id: "ops-north", readings: READINGS, members: [] };

// Rewrites one byte of a code and fixes its checksum: a code someone built by hand.
function forged(code, edit) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const character of code.slice(4)) bits += alphabet.indexOf(character).toString(2).padStart(5, "0");
  const bytes = bits.match(/.{8}/g).map((byte) => parseInt(byte, 2));
  const body = bytes.slice(0, -4);
  edit(body);
  const sum = checksum([1, ...body]);
  const all = [...body, sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255];
  let out = all.map((byte) => byte.toString(2).padStart(8, "0")).join("");
  out = out.padEnd(Math.ceil(out.length / 5) * 5, "0");
  return `RPC1${out.match(/.{5}/g).map((chunk) => alphabet[parseInt(chunk, 2)]).join("")}`;
}

describe("a check-in code", () => {
  it("round-trips a name, the track, the day and every week's numbers", () => {
    const code = encodeCheckin(sam);
    assert.match(code, CODE);
    assert.ok(code.length < 90, code);
    assert.deepEqual(decodeCheckin(code), { checkin: sam });
  });

  it("round-trips names in any script, and reads lower case", () => {
    for (const name of ["Zoë Ångström", "李小龙", "Ana-María O'Neil 🚀", "x".repeat(80)]) {
      const code = encodeCheckin({ ...sam, name });
      assert.equal(decodeCheckin(code).checkin.name, name);
      assert.equal(decodeCheckin(code.toLowerCase()).checkin?.name, name);
    }
  });

  it("holds no answer or question text: only the name and track id are text", () => {
    const code = encodeCheckin(sam);
    assert.deepEqual(Object.keys(decodeCheckin(code).checkin).sort(), ["day", "name", "track", "weeks"]);
    for (const week of decodeCheckin(code).checkin.weeks) assert.deepEqual(Object.keys(week).sort(), ["answers", "read", "status"]);
  });

  it("refuses every truncation and every single changed character", () => {
    const code = encodeCheckin(sam);
    for (let length = 4; length < code.length; length += 1) {
      assert.deepEqual(decodeCheckin(code.slice(0, length)), { problem: "damaged" }, `cut at ${length}`);
    }
    for (let at = 4; at < code.length; at += 1) {
      const other = code[at] === "A" ? "B" : "A";
      const changed = code.slice(0, at) + other + code.slice(at + 1);
      assert.deepEqual(decodeCheckin(changed), { problem: "damaged" }, `changed at ${at}`);
    }
  });

  it("refuses malformed input and says when a newer site made it", () => {
    for (const text of ["", "RPC1", "RPC1!!!", "RPC1AAAAAAAAAAAAAAAAAAAAAAAA", "hello", `${encodeCheckin(sam)}A`]) {
      assert.deepEqual(decodeCheckin(text), { problem: "damaged" }, text);
    }
    assert.deepEqual(decodeCheckin(`RPC3${encodeCheckin(sam).slice(4)}`), { problem: "newer" });
    assert.deepEqual(decodeCheckin(`RPC2${encodeCheckin(sam).slice(4)}`), { problem: "damaged" }, "v1 bytes are no v2 code");
  });

  it("refuses codes with a valid checksum but impossible content", () => {
    const code = encodeCheckin(sam);
    assert.ok(decodeCheckin(forged(code, () => {})).checkin, "the forging helper itself works");
    const weeksAt = 2 + 1 + TRACK.length + 1 + 3;
    assert.deepEqual(decodeCheckin(forged(code, (body) => (body[weeksAt + 1] = 3 << 6))), { problem: "damaged" }, "status 3");
    assert.deepEqual(decodeCheckin(forged(code, (body) => (body[weeksAt + 5] = 1 << 6))), { problem: "damaged" }, "started, nothing done");
    assert.deepEqual(decodeCheckin(forged(code, (body) => (body[3] = "A".charCodeAt(0)))), { problem: "damaged" }, "track id not a slug");
    assert.deepEqual(decodeCheckin(forged(code, (body) => (body[2 + 1 + TRACK.length + 1] = 9))), { problem: "damaged" }, "control character in the name");
  });
});

describe("a name", () => {
  it("is tidied, and refused when empty, too long or holding control or direction characters", () => {
    assert.deepEqual(cleanName("  Sam \n Lee "), { name: "Sam Lee" });
    assert.equal(cleanName("Zoe\u0308").name, "Zoë"); // one form, whatever the keyboard typed
    assert.ok(cleanName("   ").problem);
    assert.ok(cleanName("x".repeat(81)).problem);
    assert.ok(cleanName("Sam\u0007").problem);
    assert.ok(cleanName("Sam\u202eevil").problem);
    assert.deepEqual(cleanName('<img src=x onerror="alert(1)">'), { name: '<img src=x onerror="alert(1)">' }); // text, shown as text
  });
});

describe("the check-in's words", () => {
  it("say what is done and started, as in the issue", () => {
    assert.equal(checkinText("Six-Week Leadership", READINGS, sam), "Sam, Six-Week Leadership: week 1 done (2/2 read, 3 answers), week 2 started (1/2 read)");
    assert.equal(checkinText("T", READINGS, { ...sam, weeks: sam.weeks.map(() => idle) }), "Sam, T: not started yet");
    assert.equal(describeWeek(2, { status: 1, read: 0, answers: 1 }), "started (0/2 read, 1 answer)");
  });
});

describe("collecting check-ins a lead pasted", () => {
  const code = (fields) => encodeCheckin({ ...sam, ...fields });

  it("finds codes in chat noise, one row a person, sorted by name, newest check-in first", () => {
    const older = code({ day: "2027-01-13", weeks: [{ status: 1, read: 1, answers: 0 }, idle, idle, idle, idle, idle] });
    const text = `[10:02] Kim: Kim, Six-Week Leadership: not started yet\nCheck-in code: ${code({ name: "Kim", weeks: sam.weeks.map(() => idle) })}\n[10:05] Sam: here you go -> ${code({})}, thanks!\n> earlier: ${older}\n(${code({})})`;
    const { people, skipped } = collectCheckins(text, COHORT);
    assert.deepEqual(skipped, []);
    assert.deepEqual(people.map((person) => [person.checkin.name, person.checkin.day, person.count]), [
      ["Kim", "2027-01-20", 1],
      ["Sam", "2027-01-20", 2], // the same code twice counts once
    ]);
  });

  it("skips damaged, foreign, newer and ill-fitting codes with a reason each", () => {
    const good = code({});
    const text = [
      good.slice(0, 30),
      `${good.slice(0, 20)}Q${good.slice(21)}`,
      code({ track: "coaching-basics", weeks: [idle, idle, idle, idle] }),
      `RPC7${good.slice(4)}`,
      code({ weeks: [idle, idle] }),
      code({ name: "Ann", weeks: [{ status: 1, read: 5, answers: 0 }, idle, idle, idle, idle, idle] }),
    ].join(" noise ");
    const { people, skipped } = collectCheckins(text, COHORT);
    assert.deepEqual(people, []);
    assert.deepEqual(
      skipped.map((skip) => skip.reason),
      [
        "damaged or cut short: ask for it again",
        "damaged or cut short: ask for it again",
        "for another track (coaching-basics)",
        "made by a newer version of the site",
        "does not fit this track's weeks (made before the track changed?)",
        "does not fit this track's weeks (made before the track changed?)",
      ],
    );
    assert.ok(skipped.every((skip) => skip.code.length <= 13));
  });

  it("keeps the furthest of two check-ins made on the same day, whatever the order", () => {
    const less = code({ weeks: [{ status: 1, read: 1, answers: 0 }, idle, idle, idle, idle, idle] });
    for (const text of [`${less} ${code({})}`, `${code({})} ${less}`]) {
      const [person] = collectCheckins(text, COHORT).people;
      assert.equal(person.checkin.weeks[0].status, 2);
    }
  });

  it("treats names that differ only in case as one person", () => {
    const { people } = collectCheckins(`${code({ name: "sam" })} ${code({ name: "SAM", day: "2027-01-21" })}`, COHORT);
    assert.deepEqual(people.map((person) => person.checkin.name), ["SAM"]);
  });
});

describe("a check-in that names its team", () => {
  const code = (fields) => encodeCheckin({ ...sam, ...fields });

  it("round-trips the cohort in a version 2 code; a code without one stays version 1", () => {
    const named = code({ cohort: "ops-north" });
    assert.match(named, /^RPC2[A-Z2-7]+$/);
    assert.deepEqual(decodeCheckin(named), { checkin: { ...sam, cohort: "ops-north" } });
    assert.match(code({ cohort: null }), CODE);
    assert.deepEqual(decodeCheckin(code({ cohort: "Not A Slug" })), { problem: "damaged" });
  });

  it("keeps this team's Sam from being replaced by another team's Sam; old codes still count", () => {
    const other = code({ cohort: "ops-south", day: "2027-01-25", weeks: sam.weeks.map(() => ({ status: 2, read: 2, answers: 9 })) });
    const text = `${code({ cohort: "ops-north" })} ${other} ${code({ name: "Kim" })}`;
    const { people, skipped } = collectCheckins(text, COHORT);
    assert.deepEqual(people.map((p) => [p.checkin.name, p.checkin.day, p.checkin.cohort ?? null]), [
      ["Kim", "2027-01-20", null],
      ["Sam", "2027-01-20", "ops-north"],
    ]);
    assert.deepEqual(skipped.map((s) => s.reason), ["from another team (ops-south)"]);
  });

  it("lists the members without a check-in, whatever the case or spacing of their names", () => {
    const team = { ...COHORT, members: ["sam", "Alex  Kim", "Lee"] };
    const { people, missing } = collectCheckins(`${code({})} ${code({ name: "Alex Kim" })} ${code({ name: "Bo" })}`, team);
    assert.deepEqual(missing, ["Lee"]);
    assert.deepEqual(people.map((p) => [p.checkin.name, p.member]), [["Alex Kim", true], ["Bo", false], ["Sam", true]]);
  });
});

describe("the participant's check-in", () => {
  const reading = (slug) => ({ slug });
  const track = {
    id: "t",
    title: "Two Weeks",
    weeks: [
      { readings: [reading("a"), reading("b")], questions: ["week-t-1/q", "article-a/q"] },
      { readings: [reading("c")], questions: ["week-t-2/q"] },
    ],
  };

  it("takes its numbers from rp/progress.js, through one adapter", () => {
    const journal = emptyJournal();
    for (const slug of ["a", "b", "c"]) journal.read.set(slug, {});
    journal.answers.set("week-t-1/q", { text: "Secret answer" });
    journal.answers.set("article-a/q", { text: "Another secret" });
    assert.deepEqual(progressWeeks(track, journal), [
      { status: 2, read: 2, answers: 2 },
      { status: 1, read: 1, answers: 0 },
    ]);
    const message = checkinMessage(track, "Sam", journal, "2027-01-20");
    assert.match(message, /^Sam, Two Weeks: week 1 done \(2\/2 read, 2 answers\), week 2 started \(1\/1 read\)\nCheck-in code: RPC1[A-Z2-7]+$/);
    assert.ok(!message.includes("secret") && !message.includes("Secret"));
    const [code] = message.match(/RPC1[A-Z2-7]+/);
    assert.deepEqual(decodeCheckin(code).checkin.weeks, progressWeeks(track, journal));
    const named = checkinMessage(track, "Sam", journal, "2027-01-20", "ops-north").match(/RPC2[A-Z2-7]+/)[0];
    assert.equal(decodeCheckin(named).checkin.cohort, "ops-north");
  });
});

describe("the team leads' guide's example", () => {
  it("is a real code that says what its line says", async () => {
    const { readFile } = await import("node:fs/promises");
    const guide = await readFile(new URL("../../guides/team-leads.md", import.meta.url), "utf8");
    const [, line, code] = /\n\s*(Sam, Six-Week Leadership: [^\n]+)\n\s*Check-in code: (RPC1[A-Z2-7]+)/.exec(guide);
    assert.equal(checkinText("Six-Week Leadership", READINGS, decodeCheckin(code).checkin), line);
  });
});
