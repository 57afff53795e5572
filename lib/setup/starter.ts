// The starter set `npm run setup` writes in place of the demo: the pages parents look for
// first, one welcome post and one provider, in each of the practice's languages. Phone
// numbers and addresses are named ([[phone]]), never typed, so they change in one place.
import { slugOf } from "../content/paths.ts";
import type { Answers } from "./answers.ts";

interface Page {
  file: string;
  front: Record<string, unknown>;
  body: string;
}

function frontMatter(front: Record<string, unknown>): string {
  const lines = Object.entries(front).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : typeof v === "string" ? JSON.stringify(v) : String(v)}`,
  );
  return `---\n${lines.join("\n")}\n---\n`;
}

type Texts = (a: Answers, o: { afterHours: string; date: string }) => Page[];

const EN: Texts = (a, o) => [
  {
    file: "pages/index.md",
    front: { title: `Welcome to ${a.name}`, description: `${a.name}: friendly care for children and families. Call us to book a visit.` },
    body: `We care for children from their first days through their teen years. Call us at [[phone]] to book a visit, or read on to find our hours, our offices and what to bring.`,
  },
  {
    file: "pages/about.md",
    front: {
      title: "About us & our team",
      description: `Meet the people who care for your family at ${a.name}.`,
      nav: 1,
      navTitle: "Our team",
      blocks: ["providers"],
    },
    body: `We listen to parents, explain things in plain language and make decisions together with you. Meet our team below.`,
  },
  {
    file: "pages/new-patients.md",
    front: {
      title: "New patients",
      description: "How to join our practice, what to bring and what happens at the first visit.",
      nav: 2,
      navTitle: "New patients",
      blocks: ["newPatients"],
    },
    body: `## Getting started\n\nCall us at [[phone]] and we will set up your first visit.\n\n## What to bring\n\n- Your child's insurance card\n- A list of medicines your child takes\n- Shot records, if you have them`,
  },
  {
    file: "pages/hours-locations.md",
    front: {
      title: "Office hours & locations",
      description: "Our office hours, addresses and directions, and how to get a same-day sick visit.",
      nav: 3,
      navTitle: "Hours & locations",
      blocks: ["hours", "locations"],
    },
    body: `If your child is sick, **call first** at [[phone]]: we save time every day for same-day sick visits.`,
  },
  {
    file: "pages/contact.md",
    front: {
      title: "Contact us",
      description: "The best way to reach us for appointments, questions and advice after hours.",
      nav: 4,
      navTitle: "Contact",
      blocks: ["contact", "locations"],
    },
    body: `Right now: [[hours-today]].\n\nCall [[phone]] during office hours to book a visit or ask a question. After hours, call ${o.afterHours}.\n\nPlease do not send health details by email or through this website.`,
  },
  {
    file: "pages/when-to-call.md",
    front: {
      title: "When to call / after hours",
      description: "When to call 911, when to call us after hours, and when your child can be seen the same day.",
    },
    body: `## Call 911 for an emergency\n\nCall 911 or go to the nearest emergency room if your child has trouble breathing, turns blue, will not wake up, has a seizure or is badly hurt.\n\n## After hours\n\nWhen our office is closed, call ${o.afterHours} for advice.\n\n## During office hours\n\nCall us at [[phone]]. When in doubt, call: you never bother us by calling.`,
  },
  {
    file: `blog/${o.date}-welcome.md`,
    front: {
      title: `Welcome to our new website`,
      date: o.date,
      description: "Our new website: hours, directions, new-patient information and health advice in one place.",
    },
    body: `Welcome! On this site you will find our hours, our offices, what to bring to a first visit and advice on when to call. Call us any time at [[phone]].`,
  },
];

const ES: Texts = (a, o) => [
  {
    file: "pages/index.es.md",
    front: {
      title: `Bienvenidos a ${a.name}`,
      description: `${a.name}: atención amable para niños y familias. Llámenos para hacer una cita.`,
    },
    body: `Cuidamos a los niños desde sus primeros días hasta la adolescencia. Llámenos al [[phone]] para hacer una cita, o siga leyendo para conocer nuestro horario, nuestras oficinas y qué traer.`,
  },
  {
    file: "pages/about.es.md",
    front: {
      title: "Quiénes somos y nuestro equipo",
      description: `Conozca a las personas que cuidan a su familia en ${a.name}.`,
      nav: 1,
      navTitle: "Nuestro equipo",
      blocks: ["providers"],
    },
    body: `Escuchamos a los padres, explicamos todo con palabras sencillas y tomamos las decisiones junto con usted. Conozca a nuestro equipo.`,
  },
  {
    file: "pages/new-patients.es.md",
    front: {
      title: "Pacientes nuevos",
      description: "Cómo unirse a nuestra práctica, qué traer y qué pasa en la primera consulta.",
      nav: 2,
      navTitle: "Pacientes nuevos",
      blocks: ["newPatients"],
    },
    body: `## Para empezar\n\nLlámenos al [[phone]] y le daremos su primera cita.\n\n## Qué traer\n\n- La tarjeta del seguro médico de su hijo\n- Una lista de los medicamentos que toma\n- El registro de vacunas, si lo tiene`,
  },
  {
    file: "pages/hours-locations.es.md",
    front: {
      title: "Horario y oficinas",
      description: "Nuestro horario, direcciones y cómo conseguir una consulta por enfermedad el mismo día.",
      nav: 3,
      navTitle: "Horario y oficinas",
      blocks: ["hours", "locations"],
    },
    body: `Si su hijo está enfermo, **llame primero** al [[phone]]: todos los días reservamos tiempo para consultas el mismo día.`,
  },
  {
    file: "pages/contact.es.md",
    front: {
      title: "Contáctenos",
      description: "La mejor manera de comunicarse con nosotros para citas, preguntas y consejos fuera de horario.",
      nav: 4,
      navTitle: "Contacto",
      blocks: ["contact", "locations"],
    },
    body: `Ahora mismo: [[hours-today]].\n\nLlame al [[phone]] en horario de oficina para hacer una cita o una pregunta. Fuera de horario, llame al ${o.afterHours}.\n\nPor favor, no envíe datos de salud por correo electrónico ni por este sitio web.`,
  },
  {
    file: "pages/when-to-call.es.md",
    front: {
      title: "Cuándo llamar / fuera de horario",
      description: "Cuándo llamar al 911, cuándo llamarnos fuera de horario y cuándo podemos ver a su hijo el mismo día.",
    },
    body: `## Llame al 911 en una emergencia\n\nLlame al 911 o vaya a la sala de emergencias más cercana si su hijo tiene dificultad para respirar, se pone azul, no se despierta, tiene una convulsión o está gravemente herido.\n\n## Fuera de horario\n\nCuando la oficina está cerrada, llame al ${o.afterHours} para pedir consejo.\n\n## En horario de oficina\n\nLlámenos al [[phone]]. Si tiene dudas, llame: nunca nos molesta.`,
  },
  {
    file: `blog/${o.date}-welcome.es.md`,
    front: {
      title: "Bienvenidos a nuestro nuevo sitio web",
      date: o.date,
      description: "Nuestro nuevo sitio web: horario, direcciones, información para pacientes nuevos y consejos de salud.",
    },
    body: `¡Bienvenidos! Aquí encontrará nuestro horario, nuestras oficinas, qué traer a la primera consulta y cuándo llamarnos. Llámenos al [[phone]].`,
  },
];

const TEXTS: Record<string, Texts> = { en: EN, es: ES };

/** Every starter file, by path under content/. `date`: today in the practice's zone (YYYY-MM-DD). */
export function starterFiles(a: Answers, date: string): Record<string, string> {
  const afterHours = a.afterHoursPhone ? "[[after-hours-phone]]" : "[[phone]]";
  const files: Record<string, string> = {};
  a.languages.forEach((lang, i) => {
    for (const page of TEXTS[lang]!(a, { afterHours, date })) {
      // The default language's files carry no language suffix (docs/staff/practice-yaml.md, "Two languages").
      const file = i === 0 ? page.file.replace(/\.[a-z]{2}\.md$/, ".md") : page.file.replace(/(?<!\.[a-z]{2})\.md$/, `.${lang}.md`);
      files[file] = frontMatter(page.front) + page.body + "\n";
    }
  });
  const provider = a.provider ?? { name: "Your Name", credentials: "MD", role: "Pediatrician" };
  files[`providers/${a.provider ? slugOf(provider.name) : "your-name"}.md`] =
    frontMatter({ ...(a.provider ? {} : { draft: true }), name: provider.name, credentials: provider.credentials, role: provider.role }) +
    (a.provider
      ? `${provider.name} cares for children and families at ${a.name}.\n`
      : "Replace this draft with a provider: their name, credentials and a few words about them. Remove draft: true to publish it.\n");
  return files;
}
