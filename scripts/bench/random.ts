// The bench's random source and word lists: a seeded generator (every run writes the same
// files) and the phrases synthetic posts are made of.

export const SEED = 0x5eed_2026;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

export function pickSome<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

export const AUTHORS = ["maya-okafor", "daniel-reyes", "priya-natarajan"] as const;
export const TAGS = [
  "vaccines",
  "sleep",
  "nutrition",
  "safety",
  "newborns",
  "toddlers",
  "teens",
  "school",
  "sports",
  "allergies",
  "asthma",
  "fever",
  "skin",
  "summer",
  "winter",
  "development",
  "behavior",
  "dental",
  "screens",
  "travel",
  "illness",
  "wellness",
  "parenting",
  "hygiene",
  "checkups",
] as const;
export const TOPICS = [
  "fevers",
  "ear infections",
  "sleep routines",
  "screen time",
  "car seats",
  "vaccines",
  "food allergies",
  "asthma flare-ups",
  "sports physicals",
  "picky eating",
  "teething",
  "potty training",
  "sunburn",
  "head lice",
  "winter colds",
  "growth spurts",
  "bedwetting",
  "school anxiety",
  "constipation",
  "eczema",
  "hand-washing",
  "water safety",
  "heavy backpacks",
  "healthy lunches",
  "nosebleeds",
  "stomach bugs",
  "seasonal allergies",
] as const;
export const AGES = ["newborns", "babies", "toddlers", "preschoolers", "school-age kids", "preteens", "teens"] as const;
export const PLACES = [
  "at home",
  "at school",
  "at daycare",
  "on the playground",
  "at practice",
  "on a long car trip",
  "at bedtime",
] as const;
export const SIGNS = [
  "a fever that lasts more than three days",
  "trouble breathing",
  "fewer wet diapers than usual",
  "a stiff neck",
  "a rash that does not fade when pressed",
  "unusual sleepiness",
  "refusing to drink",
  "ear pain that wakes them at night",
  "a cough that keeps getting worse",
  "vomiting that will not stop",
] as const;
export const STEPS = [
  "offer small sips of water often",
  "keep a simple log of symptoms and times",
  "check the label before giving any medicine",
  "use a cool-mist humidifier in the bedroom",
  "keep the same bedtime on weekends",
  "wash hands before meals and after the bathroom",
  "pack a refillable water bottle",
  "set a family plan for screens",
  "bring the vaccine record to every visit",
  "put sunscreen on 15 minutes before going outside",
  "choose a car seat that fits both your child and your car",
  "offer one new food next to a favorite",
  "keep medicines up high and locked",
  "talk about feelings at dinner",
  "practice the morning routine the week before school starts",
  "read together for ten minutes before lights out",
] as const;
export const OPENERS = [
  "Many parents ask us about {topic}, and it is one of the most common reasons for a call to our nurse line.",
  "Every season brings questions about {topic}, especially from families with {age}.",
  "If you have ever worried about {topic} in the middle of the night, you are not alone.",
  "We see a lot of {age} for {topic}, and most of the time the answer is simpler than it seems.",
] as const;
export const SENTENCES = [
  "Most {age} handle {topic} well with a little extra rest and patience.",
  "It helps to {step} so that small problems stay small.",
  "Our nurses can walk you through what to watch for {place}.",
  "Watch for {sign}; that is a good reason to call us the same day.",
  "Every child is different, so trust what you know about your own kid.",
  "A calm routine {place} makes a bigger difference than any product on the shelf.",
  "For {age}, even a small change in habits can take a week or two to stick.",
  "Keep notes on when things started and what seemed to help, because it makes the visit faster.",
  "Some families find it easier to {step} and share the job between caregivers.",
  "We would rather hear from you early than have you wait and worry.",
  "Older siblings can help by showing younger ones how it is done.",
  "If your child has a chronic condition such as asthma or diabetes, ask us for a written plan.",
  "Most of the advice online is well meant, but it was not written with your child in mind.",
  "Bring your questions to the next checkup; there is no such thing as a silly one.",
  "It is normal for {age} to go through phases, and most of them pass on their own.",
  "The goal is progress, not perfection, especially with {topic}.",
] as const;
export const EXTERNAL = [
  ["the national guidance on {topic}", "https://example.org/guidance/{slug}"],
  ["a printable checklist", "https://example.org/checklists/{slug}.pdf"],
  ["the poison control center", "https://example.org/poison-control"],
  ["this short video for parents", "https://example.org/videos/{slug}"],
] as const;
export const INTERNAL = [
  "New to the practice? Start with [our new patient page](/new-patients/).",
  "If you are not with us yet, you can [register as a new patient](/new-patients/) online.",
  "Here is [what to bring to your first visit](/new-patients/).",
] as const;
export const HEADINGS = [
  "What is normal",
  "When to call us",
  "What you can do at home",
  "How we can help",
  "Common myths",
  "Questions parents ask",
  "Getting ready",
  "A simple plan",
  "Signs to watch for",
  "For new patients",
] as const;
export const POOL_ALTS = [
  "A parent reading a picture book with a toddler on a couch",
  "A pediatrician listening to a child's heartbeat",
  "A lunch box with fruit, a sandwich and a water bottle",
  "Children playing soccer on a sunny field",
  "A baby asleep on their back in a bare crib",
] as const;
export const VIDEO_LINES = [
  "https://www.youtube.com/watch?v=JHPvacc2026",
  "https://youtu.be/kidsSleep01",
  "https://vimeo.com/76979871",
  "https://www.youtube.com/watch?v=handWash_42",
] as const;
export const COMMENTERS = ["Rachel M.", "Luis G.", "Aisha K.", "Tom B.", "Mei L.", "Grace O.", "Sam P."] as const;
export const COMMENT_LINES = [
  "Thank you, this was really helpful for our family.",
  "Does this also apply to kids who were born early?",
  "We tried the bedtime routine and it made a big difference within a week.",
  "Is it OK to call the nurse line on weekends for this?",
  "Sharing this with my sister, she has a newborn.",
] as const;
export const REPLY_LINES = [
  "Great question. Yes, the same advice applies; bring it up at the next checkup and we can tailor it.",
  "Thanks for writing! The nurse line answers day and night, weekends included.",
  "We are so glad it helped. Keep it going, and let us know how the next month goes.",
] as const;
