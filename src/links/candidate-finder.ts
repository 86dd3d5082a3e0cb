// For a page that is gone: which page of the new version most likely took its place, by title, content
// and name. Content is compared as tf-idf weighted words, so shared boilerplate counts for little.

export interface CandidateDoc {
  route: string;
  title: string | null;
  text: string;
}

export interface Candidate {
  route: string;
  title: string | null;
  /** 0–1; a blend of content (60%), title (25%) and route name (15%) similarity, plus the moved-folder bonus. */
  confidence: number;
}

/** Below this, the best match is noise and no candidate is named. */
export const MIN_CANDIDATE_CONFIDENCE = 0.15;

// The opening of a page says what it is about; reading further costs time and changes little.
const MAX_TEXT_CHARS = 20_000;
const STOPWORDS = new Set(
  'the and for with that this you your are can from not have will use when which into more our their they them then than also about how what where there been was were has its all any but out may each such only other these those one two'.split(' '),
);

function words(text: string): string[] {
  return (text.slice(0, MAX_TEXT_CHARS).toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Dice coefficient of two word sets: 1 for equal sets, 0 for disjoint ones. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const lastSegment = (route: string) => route.slice(route.lastIndexOf('/') + 1);
const nameWords = (route: string) => new Set(lastSegment(route).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));

interface Vector {
  weights: Map<string, number>;
  norm: number;
}

export interface CandidateFinder {
  /**
   * `preferUnder`: folders the page's own folder moved to. A page of a moved folder most likely landed
   * there, so candidates under them get a bonus (0.1) over equally similar pages elsewhere.
   */
  best(doc: CandidateDoc, preferUnder?: readonly string[]): Candidate | null;
}

const MOVED_FOLDER_BONUS = 0.1;
const isUnderFolder = (route: string, folder: string) => route === folder || route.startsWith(`${folder}/`);

export function createCandidateFinder(pool: readonly CandidateDoc[]): CandidateFinder {
  const counts = pool.map((doc) => termCounts(`${doc.title ?? ''}\n${doc.text}`));
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log((pool.length + 1) / ((documentFrequency.get(term) ?? 0) + 1)) + 1;
  const vectorOf = (terms: Map<string, number>): Vector => {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [term, count] of terms) {
      const weight = (1 + Math.log(count)) * idf(term);
      weights.set(term, weight);
      sum += weight * weight;
    }
    return { weights, norm: Math.sqrt(sum) };
  };
  const vectors = counts.map(vectorOf);
  // An inverted index: a query touches only the pages sharing one of its words.
  const postings = new Map<string, Array<{ index: number; weight: number }>>();
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector.weights) {
      const list = postings.get(term);
      if (list) list.push({ index, weight });
      else postings.set(term, [{ index, weight }]);
    }
  });
  const titles = pool.map((doc) => new Set(words(doc.title ?? '')));
  const names = pool.map((doc) => nameWords(doc.route));

  return {
    best(doc, preferUnder = []) {
      const vector = vectorOf(termCounts(`${doc.title ?? ''}\n${doc.text}`));
      const title = new Set(words(doc.title ?? ''));
      const name = nameWords(doc.route);
      const dots = new Float64Array(pool.length);
      for (const [term, weight] of vector.weights) for (const posting of postings.get(term) ?? []) dots[posting.index]! += weight * posting.weight;
      let best: Candidate | null = null;
      for (let index = 0; index < pool.length; index++) {
        const candidate = pool[index]!;
        if (candidate.route === doc.route) continue;
        const other = vectors[index]!;
        const content = vector.norm > 0 && other.norm > 0 ? dots[index]! / (vector.norm * other.norm) : 0;
        const similarity = 0.6 * content + 0.25 * dice(title, titles[index]!) + 0.15 * dice(name, names[index]!);
        // The bonus ranks plausible candidates; it never makes an unrelated page plausible.
        if (similarity < MIN_CANDIDATE_CONFIDENCE) continue;
        const bonus = preferUnder.some((folder) => isUnderFolder(candidate.route, folder)) ? MOVED_FOLDER_BONUS : 0;
        const confidence = Math.min(1, similarity + bonus);
        if (!best || confidence > best.confidence) best = { route: candidate.route, title: candidate.title, confidence };
      }
      return best ? { ...best, confidence: Math.round(best.confidence * 100) / 100 } : null;
    },
  };
}
