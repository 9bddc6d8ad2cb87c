/** Fixed name lists for the seed's people, drawn without repetition by `createNameGenerator`. */
import type { Random } from "./random";

const FIRST_NAMES = [
  "Aaliyah", "Aaron", "Abdul", "Adriana", "Aiko", "Alejandro", "Alicia", "Amara", "Ana", "Andre",
  "Angela", "Anh", "Anita", "Antonio", "Arjun", "Ashley", "Beatriz", "Benjamin", "Brandon", "Brenda",
  "Camille", "Carlos", "Carmen", "Chen", "Chidi", "Christopher", "Claudia", "Daniel", "Darnell", "David",
  "Deepa", "Denise", "Diego", "Dolores", "Dominic", "Elena", "Elijah", "Emily", "Emmanuel", "Erin",
  "Esperanza", "Fatima", "Felipe", "Francesca", "Gabriel", "Grace", "Guadalupe", "Hana", "Hector", "Ibrahim",
  "Imani", "Irene", "Isabel", "Jamal", "James", "Jasmine", "Javier", "Jennifer", "Jessica", "Jin",
  "Joanne", "Jorge", "Joseph", "Juanita", "Julian", "Kalani", "Kamala", "Karen", "Keisha", "Kenji",
  "Kevin", "Kiana", "Kimberly", "Lakshmi", "Latoya", "Laura", "Leilani", "Leon", "Linda", "Lorenzo",
  "Lucia", "Luis", "Mai", "Malia", "Marcus", "Maria", "Marisol", "Mark", "Marlene", "Martin",
  "Maya", "Mei", "Michael", "Michelle", "Miguel", "Ming", "Mohammed", "Monique", "Nadia", "Naomi",
  "Nia", "Nicole", "Noah", "Nora", "Olga", "Omar", "Patricia", "Paul", "Pedro", "Priya",
  "Rafael", "Rahul", "Ramon", "Rebecca", "Ricardo", "Rita", "Robert", "Rosa", "Ruth", "Samantha",
  "Samuel", "Sandra", "Sanjay", "Sarah", "Sean", "Sergio", "Shanice", "Sofia", "Sonia", "Stephanie",
  "Sunil", "Tamika", "Tanya", "Teresa", "Thanh", "Thomas", "Tiana", "Timothy", "Tomas", "Tran",
  "Valentina", "Vanessa", "Victor", "Vikram", "Wei", "William", "Xiomara", "Yasmin", "Yolanda", "Yusuf",
  "Zainab", "Zoe",
] as const;

const LAST_NAMES = [
  "Abara", "Acosta", "Adams", "Aguilar", "Ahmed", "Akana", "Alvarez", "Anderson", "Banerjee", "Barnes",
  "Bautista", "Bell", "Brooks", "Bui", "Campbell", "Castillo", "Chang", "Chavez", "Chen", "Cho",
  "Coleman", "Cruz", "Daniels", "Davis", "Delgado", "Diaz", "Dang", "Edwards", "Espinoza", "Evans",
  "Fernandez", "Flores", "Foster", "Fujimoto", "Garcia", "Gomez", "Gonzalez", "Gordon", "Green", "Gupta",
  "Gutierrez", "Hall", "Harris", "Hayes", "Hernandez", "Hill", "Ho", "Huang", "Ibrahim", "Iyer",
  "Jackson", "James", "Jenkins", "Johnson", "Kahananui", "Kaur", "Kealoha", "Kim", "King", "Kowalski",
  "Kumar", "Lam", "Le", "Lee", "Lewis", "Liu", "Lopez", "Martinez", "Mendoza", "Miller",
  "Mitchell", "Moore", "Morales", "Morgan", "Murphy", "Nakamura", "Nguyen", "Nelson", "Novak", "Obi",
  "Okafor", "Oliveira", "Ortiz", "Owens", "Park", "Patel", "Perez", "Peterson", "Pham", "Phillips",
  "Price", "Ramirez", "Ramos", "Reddy", "Reyes", "Rivera", "Robinson", "Rodriguez", "Rogers", "Romero",
  "Ross", "Ruiz", "Russell", "Salazar", "Sanchez", "Santos", "Sato", "Scott", "Shah", "Silva",
  "Simmons", "Singh", "Soto", "Stewart", "Sullivan", "Tanaka", "Taylor", "Thomas", "Thompson", "Torres",
  "Tran", "Turner", "Vargas", "Vasquez", "Vu", "Walker", "Wang", "Washington", "Watson", "White",
  "Williams", "Wilson", "Wong", "Wright", "Wu", "Yamamoto", "Yang", "Young", "Zhang", "Zhou",
] as const;

/**
 * Returns distinct "First Last" names, in a shuffled order fixed by the generator;
 * once every combination is used (about 21,000, reached only by data sets at
 * scale), it goes round again with middle initials: "First A. Last", then "First B. Last"…
 */
export function createNameGenerator(random: Random): () => string {
  const combinations = FIRST_NAMES.length * LAST_NAMES.length;
  const order = random.shuffle(Array.from({ length: combinations }, (_, index) => index));
  let cursor = 0;
  return () => {
    const round = Math.floor(cursor / combinations);
    const index = order[cursor++ % combinations] as number;
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length)];
    return round === 0 ? `${first} ${last}` : `${first} ${middleInitials(round)} ${last}`;
  };
}

/** "A.", "B.", … "Z.", then "A. A.", "A. B.", …: distinct for every round after the first. */
function middleInitials(round: number): string {
  const letters: string[] = [];
  // Counting in letters like spreadsheet columns (A…Z, AA, AB…), so every round has initials of its own.
  for (let rest = round; rest > 0; rest = Math.floor((rest - 1) / 26)) letters.unshift(String.fromCharCode(65 + ((rest - 1) % 26)));
  return letters.map((letter) => `${letter}.`).join(" ");
}
