/* wk-demo-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything random comes from one xoshiro256** generator seeded from the
 * options, and every time from options->now: the same options give the same
 * rows.  Rows are generated in time order with explicit ids, so ids grow
 * with time like they would in a lounge that had been running for real.
 */
#define G_LOG_DOMAIN "wk-demo-data"

#include "config.h"

#include "wk-demo-data.h"

#include "wk-category.h"
#include "wk-db.h"
#include "wk-error.h"
#include "wk-password.h"

#include <inttypes.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define DAY_S  86400
#define HOUR_S 3600
#define N_LOUNGES 3
#define ENGINEERS_PER_LOUNGE 3
#define SLOTS_PER_DAY 96     /* 15-minute slots */
#define TICKET_REF_BASE 10001

/* ---- the generator: xoshiro256** ---------------------------------------- */

typedef struct {
  guint64 s[4];
} Rng;

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_seed (Rng     *rng,
          guint64  seed)
{
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&seed);
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* uniform in [0, 1) */
static inline double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* uniform in [0, n) for n < 2^32 */
static inline guint32
rng_below (Rng     *rng,
           guint32  n)
{
  return (guint32) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* uniform in [lo, hi] */
static inline gint64
rng_between (Rng    *rng,
             gint64  lo,
             gint64  hi)
{
  return lo + (gint64) rng_below (rng, (guint32) (hi - lo + 1));
}

static inline gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

static double
rng_normal (Rng *rng)
{
  double u1 = rng_double (rng), u2 = rng_double (rng);

  return sqrt (-2.0 * log (1.0 - u1)) * cos (2.0 * G_PI * u2);
}

/* log-normal with the given median; sigma is the spread of the log */
static double
rng_lognormal (Rng    *rng,
               double  median,
               double  sigma)
{
  return median * exp (sigma * rng_normal (rng));
}

/* the same, kept within [lo, hi] (one draw: CLAMP would draw up to thrice) */
static double
rng_lognormal_in (Rng    *rng,
                  double  median,
                  double  sigma,
                  double  lo,
                  double  hi)
{
  double x = rng_lognormal (rng, median, sigma);

  return CLAMP (x, lo, hi);
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* ---- the world ----------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *code;      /* asset tags, kiosk names */
  const char *city;
  const char *location;
  const char *timezone;
  const char *hours;     /* lounge.opening_hours */
  const char *phone;
  double      weight;    /* share of the visits */
  /* opening hours in minutes after local midnight, Monday first; 0/0 closed */
  guint16     open[7];
  guint16     close[7];
  const char *buildings[3];
} LoungeSpec;

static const LoungeSpec lounges[N_LOUNGES] = {
  { "Tech Lounge Amsterdam", "AMS", "Amsterdam", "Amsterdam HQ · Tower A, ground floor",
    "Europe/Amsterdam", "mon-fri 08:00-18:00", "+31 20 555 0142", 0.45,
    { 480, 480, 480, 480, 480, 0, 0 }, { 1080, 1080, 1080, 1080, 1080, 0, 0 },
    { "Tower A", "Tower B", "The Dock" } },
  { "Tech Lounge London", "LON", "London", "London · Canary Wharf, level 2",
    "Europe/London", "mon-thu 08:30-17:30, fri 08:30-16:00", "+44 20 7946 0321", 0.35,
    { 510, 510, 510, 510, 510, 0, 0 }, { 1050, 1050, 1050, 1050, 960, 0, 0 },
    { "One Churchill Place", "Level 2 West", "Level 5 East" } },
  { "Tech Lounge Bengaluru", "BLR", "Bengaluru", "Bengaluru · Prestige Tech Park, block C",
    "Asia/Kolkata", "mon-fri 09:00-18:00", "+91 80 5555 0199", 0.20,
    { 540, 540, 540, 540, 540, 0, 0 }, { 1080, 1080, 1080, 1080, 1080, 0, 0 },
    { "Block C", "Block D", "Jacaranda" } },
};

static const WkDemoStaff staff[] = {
  { "admin",   "demo-admin",    "admin",    "Femke de Vries",      NULL },
  { "siobhan", "demo-lead",     "lead",     "Siobhán Walsh",       "Tech Lounge London" },
  { "arjun",   "demo-lead",     "lead",     "Arjun Iyer",          "Tech Lounge Bengaluru" },
  { "lukasz",  "demo-engineer", "engineer", "Łukasz Nowak",        "Tech Lounge Amsterdam" },
  { "ngozi",   "demo-engineer", "engineer", "Ngozi Okafor",        "Tech Lounge Amsterdam" },
  { "soren",   "demo-engineer", "engineer", "Søren Jørgensen",     "Tech Lounge Amsterdam" },
  { "aicha",   "demo-engineer", "engineer", "Aïcha Benali",        "Tech Lounge London" },
  { "tom",     "demo-engineer", "engineer", "Tom Hughes",          "Tech Lounge London" },
  { "jose",    "demo-engineer", "engineer", "José Núñez",          "Tech Lounge London" },
  { "chenjing", "demo-engineer", "engineer", "陈静",               "Tech Lounge Bengaluru" },
  { "kavya",   "demo-engineer", "engineer", "Kavya Reddy",         "Tech Lounge Bengaluru" },
  { "oyvind",  "demo-engineer", "engineer", "Øyvind Løvås",        "Tech Lounge Bengaluru" },
};
#define N_STAFF ((guint) G_N_ELEMENTS (staff))

/* Names: "Given" or "Given|Preferred"; an ASCII form where transliteration
 * cannot make one. */
typedef struct {
  const char *language;
  guint       weight;
  gboolean    family_first;   /* written family name first, without a space */
  const char * const *given;
  const char * const *family;
  const char * const *given_ascii;
  const char * const *family_ascii;
} NameGroup;

static const char * const nl_given[] = { "Daan", "Sanne", "Bram", "Femke", "Joris", "Eline", "Thijs", "Maaike", "Sem", "Noor", NULL };
static const char * const nl_family[] = { "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Jong", "Mulder", "van Dijk", NULL };
static const char * const de_given[] = { "Jürgen", "Anna", "Lukas", "Leonie", "Maximilian|Max", "Jörg", "Sophie", "Felix", "Mia", "Björn", NULL };
static const char * const de_family[] = { "Müller", "Schröder", "Weiß", "Fischer", "Köhler", "Becker", "Hoffmann", "Schäfer", "Krüger", "Wagner", NULL };
static const char * const fr_given[] = { "Aïcha", "Élodie", "Théo", "Chloé", "François", "Inès", "Mathis", "Anaïs", "Gaëlle", "Jérôme", NULL };
static const char * const fr_family[] = { "Lefèvre", "Dubois", "Moreau", "Girard", "Benali", "Rousseau", "Faure", "Mercier", "Bélanger", "Lambert", NULL };
static const char * const es_given[] = { "José", "María", "Sofía", "Andrés", "Lucía", "João", "Inês", "Gonçalo", "Begoña", "Iñaki", NULL };
static const char * const es_family[] = { "García", "Núñez", "Peña", "Rodríguez", "Gonçalves", "Ibáñez", "Fernández", "Conceição", "Martín", "Sousa", NULL };
static const char * const pl_given[] = { "Łukasz", "Małgorzata|Gosia", "Zofia", "Paweł", "Agnieszka", "Wojciech", "Katarzyna|Kasia", "Michał", NULL };
static const char * const pl_family[] = { "Nowak", "Wójcik", "Mazur", "Krawczyk", "Zając", "Król", "Wieczorek", "Jabłoński", NULL };
static const char * const nordic_given[] = { "Søren", "Øyvind", "Astrid", "Sigrún", "Björn", "Ingrid", "Mette", "Åsa", "Eero", "Päivi", NULL };
static const char * const nordic_family[] = { "Jørgensen", "Løvås", "Hansen", "Lindqvist", "Åberg", "Nyström", "Dahl", "Virtanen", "Korhonen", "Berg", NULL };
static const char * const en_given[] = { "Zoë", "Oliver", "Hannah", "James", "Siobhán", "Liam", "Emily", "Alexander|Alex", "Charlotte", "Rhys", NULL };
static const char * const en_family[] = { "Smith", "O'Brien", "Taylor", "Walsh", "Hughes", "Clarke", "Murphy", "Evans", "Thompson", "MacLeod", NULL };
static const char * const in_given[] = { "Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Aditi", "Siddharth|Sid", "Lakshmi", "Rahul", NULL };
static const char * const in_family[] = { "Sharma", "Iyer", "Patel", "Reddy", "Nair", "Gupta", "Menon", "Banerjee", "Krishnan", "Das", NULL };
static const char * const af_given[] = { "Ngozi", "Chinedu", "Amara", "Kwame", "Thandiwe", "Oluwaseun|Seun", "Wanjiru", "Tendai", "Abebe", "Fatou", NULL };
static const char * const af_family[] = { "Okafor", "Mensah", "Adeyemi", "Nkosi", "Mwangi", "Tesfaye", "Diallo", "Okonkwo", "Boateng", "Ndlovu", NULL };
static const char * const tr_given[] = { "Youssef", "Zeynep", "Mehmet", "Leïla", "Omar", "Elif", "Khalid", "Ayşe", "Emre", "Nour", NULL };
static const char * const tr_family[] = { "Yılmaz", "Şahin", "Haddad", "El Amrani", "Demir", "Öztürk", "Nasser", "Karim", "Çelik", "Aydın", NULL };
static const char * const vi_given[] = { "Minh", "Thảo", "Hùng", "Ngọc", "Phương", "Quân", NULL };
static const char * const vi_family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", NULL };
static const char * const zh_given[] = { "静", "伟", "芳", "磊", "娜", "强", "敏", "洋", NULL };
static const char * const zh_given_ascii[] = { "jing", "wei", "fang", "lei", "na", "qiang", "min", "yang", NULL };
static const char * const zh_family[] = { "陈", "王", "李", "张", "刘", "杨", "黄", "赵", NULL };
static const char * const zh_family_ascii[] = { "chen", "wang", "li", "zhang", "liu", "yang", "huang", "zhao", NULL };
static const char * const ja_given[] = { "結衣", "翔", "陽菜", "蓮", "美咲", "大輝", NULL };
static const char * const ja_given_ascii[] = { "yui", "sho", "hina", "ren", "misaki", "daiki", NULL };
static const char * const ja_family[] = { "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", NULL };
static const char * const ja_family_ascii[] = { "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", NULL };
static const char * const ko_given[] = { "민준", "서연", "지우", "하은", "도윤", "수아", NULL };
static const char * const ko_given_ascii[] = { "minjun", "seoyeon", "jiwoo", "haeun", "doyun", "sua", NULL };
static const char * const ko_family[] = { "김", "이", "박", "최", "정", "강", NULL };
static const char * const ko_family_ascii[] = { "kim", "lee", "park", "choi", "jung", "kang", NULL };

static const NameGroup name_groups[] = {
  { "nl", 16, FALSE, nl_given, nl_family, NULL, NULL },
  { "de", 10, FALSE, de_given, de_family, NULL, NULL },
  { "fr", 8, FALSE, fr_given, fr_family, NULL, NULL },
  { "es", 8, FALSE, es_given, es_family, NULL, NULL },
  { "pl", 5, FALSE, pl_given, pl_family, NULL, NULL },
  { "da", 5, FALSE, nordic_given, nordic_family, NULL, NULL },
  { "en", 18, FALSE, en_given, en_family, NULL, NULL },
  { "en", 12, FALSE, in_given, in_family, NULL, NULL },
  { "en", 6, FALSE, af_given, af_family, NULL, NULL },
  { "tr", 5, FALSE, tr_given, tr_family, NULL, NULL },
  { "vi", 2, FALSE, vi_given, vi_family, NULL, NULL },
  { "zh", 3, TRUE, zh_given, zh_family, zh_given_ascii, zh_family_ascii },
  { "ja", 1, TRUE, ja_given, ja_family, ja_given_ascii, ja_family_ascii },
  { "ko", 1, TRUE, ko_given, ko_family, ko_given_ascii, ko_family_ascii },
};

static const char * const departments[] = {
  "Finance", "Human Resources", "Legal", "Marketing", "Sales", "Engineering",
  "Research", "Operations", "Customer Support", "Procurement", "Facilities",
  "Communications", "Data & Analytics", "Product", "Risk & Compliance", "Treasury",
};

typedef struct {
  const char *id;
  double      weight;         /* share of tickets */
  double      service_median; /* seconds */
  double      fcr;            /* share resolved at first contact */
  gboolean    hardware;       /* may leave a device to collect */
  const char *subjects[12];
  const char *descriptions[4];
  const char *devices[6];
} CategorySpec;

static const CategorySpec categories[] = {
  { "hardware", 0.24, 900, 0.55, TRUE,
    { "Laptop won't charge any more", "Screen flickers when I open the lid",
      "Keyboard: several keys stopped working", "Battery is swelling, case bulges",
      "Laptop very slow since the last update", "Fan is loud all the time",
      "Docking station doesn't detect my laptop", "Replacement laptop for new starter",
      "Cracked screen after a fall", "Laptop refresh: my device is 4 years old",
      "Trackpad clicks on its own", "No sound from the speakers" },
    { "It started this morning; I have a client presentation this afternoon.",
      "I tried another charger and another socket, same thing.",
      "Happens both at home and in the office.",
      "My manager approved the replacement last week." },
    { "ThinkPad T14 Gen 4", "Dell Latitude 7440", "MacBook Pro 14″ M3",
      "HP EliteBook 840 G10", "ThinkPad X1 Carbon Gen 11", "Surface Laptop 5" } },
  { "account", 0.18, 360, 0.85, FALSE,
    { "Locked out after password change", "MFA app on my new phone",
      "Can't sign in to the expense tool", "Access to the Finance shared drive",
      "Password expired while travelling", "New authenticator token needed",
      "My account shows the wrong manager", "Access to the project SharePoint site",
      "Sign-in loop on the HR portal", "Reset my PIN for the laptop",
      "Colleague left: need access to her mailbox", "Guest account for a contractor" },
    { "I changed my password on my phone and now everything asks again.",
      "The error says my account is disabled.",
      "I got a new phone and the old one is wiped.",
      "My manager has approved this in the request." },
    { NULL } },
  { "software", 0.17, 720, 0.78, FALSE,
    { "Outlook keeps asking for my password", "Teams crashes when I share my screen",
      "Need Visio installed", "Excel add-in missing after update",
      "OneDrive stuck on syncing", "Adobe Acrobat licence expired",
      "Install Python and VS Code for analytics work", "Calendar doesn't show shared calendars",
      "Can't open .msg attachments", "Browser extension blocked by policy",
      "Power BI Desktop won't start", "Zoom plugin for Outlook disappeared" },
    { "It worked fine until Friday.", "I already restarted twice.",
      "I need it for a deadline on Thursday.", "Error code 0x80070005 when it starts." },
    { NULL } },
  { "network", 0.12, 600, 0.70, FALSE,
    { "VPN drops every few minutes at home", "Wi-Fi on floor 4 keeps disconnecting",
      "Can't reach the intranet from the office", "Ethernet port at my desk is dead",
      "Guest Wi-Fi for visitors tomorrow", "VPN won't connect from the hotel",
      "Very slow network in meeting room Everest", "Certificate error on the corporate Wi-Fi",
      "Cannot map network drive H:", "Proxy blocks a supplier website",
      "Remote desktop to the lab PC fails", "Teams calls stutter on Wi-Fi" },
    { "It works on my phone's hotspot.", "Several colleagues have the same problem.",
      "The error mentions a certificate.", "It started after the laptop update." },
    { NULL } },
  { "phone", 0.09, 840, 0.60, TRUE,
    { "New phone: move WhatsApp and authenticator", "Phone won't receive work email",
      "Cracked screen on my work iPhone", "Set up work profile on Android",
      "eSIM for my business trip", "Phone battery drains in a few hours",
      "Replacement phone after theft", "Voicemail not working",
      "Company Portal says device not compliant", "Upgrade to a newer phone model" },
    { "I filed a police report, number attached.", "I'm travelling on Monday.",
      "It's the phone the company gave me two years ago.", "The screen still works but is cracked." },
    { "iPhone 15", "iPhone 14", "Samsung Galaxy S23", "Google Pixel 8", "Samsung Galaxy A54", "iPhone SE" } },
  { "printing", 0.07, 480, 0.80, FALSE,
    { "Follow-me printing doesn't release my jobs", "Printer on floor 3 jams",
      "Can't scan to email", "Add the plotter on floor 6",
      "Prints come out blank", "Badge not recognised at the printer",
      "Colour printing is greyed out", "Scanner sends to the wrong address" },
    { "The printer is the one next to the kitchen.", "My badge works on the doors.",
      "It worked last week.", "Error on the display: 'Job held'." },
    { NULL } },
  { "accessories", 0.08, 240, 0.92, TRUE,
    { "Headset for Teams calls", "USB-C to HDMI adapter", "Second monitor for my desk",
      "Wireless mouse stopped working", "Ergonomic keyboard (doctor's advice)",
      "Charger for my laptop (lost mine)", "Webcam for home office", "YubiKey for MFA",
      "Laptop bag", "Docking station for home" },
    { "Anything that works with my laptop is fine.", "The occupational health report is attached.",
      "I left mine on the train.", "Approved by my manager." },
    { "Jabra Evolve2 65 headset", "USB-C to HDMI adapter", "Dell 27″ monitor P2723",
      "Logitech MX Keys keyboard", "YubiKey 5 NFC", "ThinkPad USB-C Dock Gen 2" } },
  { "other", 0.05, 540, 0.70, FALSE,
    { "Question about my laptop being replaced", "Help setting up a meeting room screen",
      "Advice on securing my home router", "Returning a loan laptop",
      "Data from my old laptop", "Where can I dispose of old cables?",
      "Help with a suspicious email", "Onboarding: first day questions" },
    { "Not sure which category this belongs to.", "Just a quick question.",
      "My manager asked me to come by.", "I forwarded the email to phishing@." },
    { NULL } },
};
#define N_CATEGORIES ((guint) G_N_ELEMENTS (categories))

static const char * const note_bodies[] = {
  "Spoke with the requester at the lounge; details confirmed.",
  "Waiting for the part from the supplier, ETA three working days.",
  "Reset done, asked the user to sign in again on all devices.",
  "Escalated to the network team with the logs attached.",
  "Device reimaged and tested, ready for pickup.",
  "User confirmed it works, closing after 48 h if no reply.",
  "Licence assigned, install runs overnight.",
  "Known issue with the last update, workaround applied.",
};

static const char * const comments_good[] = {
  "Super quick, thank you!", "Very friendly and explained everything.",
  "Fixed in five minutes, great service.", "Knew exactly what to do.",
  "Best IT experience I've had here.", "Thanks for staying late to finish it.",
  "Sehr freundlich und schnell erledigt.", "Très rapide, merci !",
  "Snel geholpen, top!", "Muy amables, gracias.", "Szybko i sprawnie, dzięki!",
  "非常感谢，很快就解决了。", "親切に対応していただきました。",
};
static const char * const comments_mixed[] = {
  "Helpful, but the wait was long.", "Got a workaround, hope the real fix comes soon.",
  "OK in the end, though I had to explain it twice.",
  "Friendly, but I still have to come back for the part.",
};
static const char * const comments_bad[] = {
  "Waited 40 minutes and nobody called me.", "Still not fixed, third visit this month.",
  "I was sent back and forth between teams.", "The loan laptop has no software on it.",
  "Nobody told me the part was not in stock.", "Long queue, only one engineer on duty.",
  "Lange gewacht, Problem nicht gelöst.", "Pas de réponse depuis une semaine.",
};
static const char * const followup_notes[] = {
  "Called back, apologised for the wait; issue now solved.",
  "Spoke to the visitor, replacement device booked.",
  "Emailed the visitor; escalated to the supplier.",
};

/* ---- lounge calendars ---------------------------------------------------- */

/* How busy a 15-minute slot is, relative: Monday morning peak, lunch bump,
 * quiet Friday afternoon. */
static double
slot_weight (int weekday,
             int minute)
{
  double w = 1.0;

  if (minute < 10 * 60 + 30)
    w = 1.45;
  if (minute >= 12 * 60 && minute < 14 * 60)
    w = 1.35;
  if (minute >= 16 * 60 + 30)
    w = 0.6;
  if (weekday == 0 && minute < 12 * 60)
    w *= 1.9;
  if (weekday == 4 && minute >= 13 * 60)
    w *= 0.45;
  return w;
}

static double
day_weight (int    weekday,
            GDate *date,
            double progress)
{
  static const double by_weekday[7] = { 1.3, 1.1, 1.0, 1.0, 0.75, 0, 0 };
  int month = g_date_get_month (date), mday = g_date_get_day (date);
  double w = by_weekday[weekday];

  if (month == 8)
    w *= 0.7;
  else if (month == 7)
    w *= 0.85;
  else if (month == 9)
    w *= 1.15;
  else if (month == 12 && mday >= 20)
    w *= 0.35;
  else if (month == 1 && mday <= 6)
    w *= 0.5;
  else if (month == 1)
    w *= 1.15;
  return w * (0.9 + 0.2 * progress);   /* slowly growing use */
}

/* ---- the generation context --------------------------------------------- */

typedef struct {
  gint64  t;
  guint8  lounge;
  guint8  weekday;
  guint16 minute;   /* local minute of the day */
} Arrival;

typedef struct {
  sqlite3                 *db;
  const WkDemoDataOptions *opt;
  Rng                      rng;
  GTimeZone               *tz[N_LOUNGES];
  GDate                    today[N_LOUNGES];
  gint64                   start;          /* earliest opening of day 0 */

  /* people: ids 1..N_STAFF are staff, visitors follow */
  guint                    n_visitors;
  guint8                  *person_lounge;  /* visitor index → lounge */
  guint8                  *person_ids;     /* bit 0 badge, 1 email, 2 employee no */
  guint8                  *person_group;   /* name group */
  char                   **person_name;    /* owned, display names */
  gint64                   engineer[N_LOUNGES][ENGINEERS_PER_LOUNGE];
  gint64                   lead[N_LOUNGES];

  /* tickets: id = index + 1 */
  guint                    n_tickets;
  gint64                  *ticket_created;
  guint32                 *ticket_requester;  /* visitor index */
  guint8                  *ticket_category;
  GArray                  *lounge_tickets[N_LOUNGES];  /* ticket indices, by time */

  gint64                   next_hardware_id;
  gint64                   next_note_id;
  gint64                   next_survey_id;
  gint64                   next_visit_id;
  guint                    surveys_left;
  guint                    history_left;

  sqlite3_stmt            *person_stmt;
  sqlite3_stmt            *ticket_stmt;
  sqlite3_stmt            *note_stmt;
  sqlite3_stmt            *visit_stmt;
  sqlite3_stmt            *survey_stmt;
  sqlite3_stmt            *hardware_stmt;
} Gen;

static gboolean
gen_fail (Gen         *gen,
          int          rc,
          GError     **error,
          const char  *what)
{
  wk_db_set_error (gen->db, rc, error, what);
  return FALSE;
}

static gboolean
gen_prepare (Gen           *gen,
             const char    *sql,
             sqlite3_stmt **stmt,
             GError       **error)
{
  int rc = sqlite3_prepare_v3 (gen->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    return gen_fail (gen, rc, error, sql);
  return TRUE;
}

/* Steps an INSERT to completion and readies it for the next row. */
static gboolean
gen_insert (Gen           *gen,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return gen_fail (gen, rc, error, sqlite3_sql (stmt));
  return TRUE;
}

/* SQLITE_STATIC: every caller keeps the text alive until gen_insert() has
 * stepped and reset the statement, which saves a copy per value. */
static inline void
bind_text (sqlite3_stmt *stmt,
           int           i,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, i);
}

static inline void
bind_time (sqlite3_stmt *stmt,
           int           i,
           gint64        t)
{
  if (t != 0)
    sqlite3_bind_int64 (stmt, i, t);
  else
    sqlite3_bind_null (stmt, i);
}

static guint
count_strv (const char * const *v)
{
  guint n = 0;

  while (v[n] != NULL)
    n++;
  return n;
}

static guint
count_slots (const char * const *v,
             guint               max)
{
  guint n = 0;

  while (n < max && v[n] != NULL)
    n++;
  return n;
}

/* The local opening time of @date in lounge @l, as unix seconds. */
static gint64
lounge_time (Gen   *gen,
             guint  l,
             GDate *date,
             int    minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (gen->tz[l],
                                             g_date_get_year (date),
                                             g_date_get_month (date),
                                             g_date_get_day (date),
                                             minute / 60, minute % 60, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static int
date_weekday (GDate *date)
{
  return (int) g_date_get_weekday (date) - 1;  /* G_DATE_MONDAY is 1 */
}

/* ---- names --------------------------------------------------------------- */

static void
ascii_part (GString    *out,
            const char *name)
{
  g_autoptr(GString) pre = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  /* letters g_str_to_ascii() has no transliteration for */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0131)           /* ı */
        g_string_append_c (pre, 'i');
      else if (c == 0x00f0)      /* ð */
        g_string_append_c (pre, 'd');
      else if (c == 0x00fe)      /* þ */
        g_string_append (pre, "th");
      else
        g_string_append_unichar (pre, c);
    }
  ascii = g_str_to_ascii (pre->str, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
}

typedef struct {
  char  display[96];
  char  preferred[48];
  char  local[64];    /* email local part */
  guint group;
} Name;

static void
make_name (Rng  *rng,
           Name *name)
{
  guint total = 0, pick, gi = 0;
  const NameGroup *g;
  guint n_given, n_family, i_given, i_family;
  const char *given, *bar;
  g_autofree char *given_name = NULL;
  const char *family;
  g_autoptr(GString) local = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (name_groups); i++)
    total += name_groups[i].weight;
  pick = rng_below (rng, total);
  while (pick >= name_groups[gi].weight)
    pick -= name_groups[gi++].weight;
  g = &name_groups[gi];
  name->group = gi;

  n_given = count_strv (g->given);
  n_family = count_strv (g->family);
  i_given = rng_below (rng, n_given);
  i_family = rng_below (rng, n_family);
  given = g->given[i_given];
  family = g->family[i_family];
  bar = strchr (given, '|');
  given_name = bar != NULL ? g_strndup (given, bar - given) : g_strdup (given);

  if (g->family_first)
    {
      g_snprintf (name->display, sizeof name->display, "%s%s", family, given_name);
      name->preferred[0] = '\0';
      g_string_append (local, g->given_ascii[i_given]);
      g_string_append_c (local, '.');
      g_string_append (local, g->family_ascii[i_family]);
    }
  else
    {
      g_snprintf (name->display, sizeof name->display, "%s %s", given_name, family);
      g_strlcpy (name->preferred, bar != NULL ? bar + 1 : given_name, sizeof name->preferred);
      ascii_part (local, given_name);
      g_string_append_c (local, '.');
      ascii_part (local, family);
    }
  g_strlcpy (name->local, local->str, sizeof name->local);
}

/* ---- lounges, desks, people --------------------------------------------- */

typedef enum {
  HW_PREPARING,
  HW_READY,
  HW_COLLECTED,
  HW_CANCELLED,
} HwState;

/* The showcase: the first visitors, with open tickets and a device in every
 * state, so the kiosk has something to show for the badges printed. */
typedef struct {
  const char *display_name;
  const char *preferred;
  const char *email_local;
  guint       group;
  guint       category;
  const char *subject;
  int         hw_state;      /* -1: none */
  const char *location;
} Showcase;

static const Showcase showcase[] = {
  { "Priya Sharma", "Priya", "priya.sharma", 7, 0, "Battery is swelling, case bulges", HW_READY, "locker 12" },
  { "Zoë Taylor", "Zoë", "zoe.taylor", 6, 4, "New phone: move WhatsApp and authenticator", HW_READY, "counter" },
  { "Łukasz Wójcik", "Łukasz", "lukasz.wojcik", 4, 0, "Laptop refresh: my device is 4 years old", HW_PREPARING, NULL },
  { "Søren Hansen", "Søren", "soren.hansen", 5, 6, "Headset for Teams calls", HW_COLLECTED, "locker 3" },
  { "王芳", NULL, "fang.wang", 11, 3, "VPN drops every few minutes at home", HW_CANCELLED, NULL },
  { "José García", "José", "jose.garcia", 3, 1, "Locked out after password change", -1, NULL },
  { "Aïcha Lefèvre", "Aïcha", "aicha.lefevre", 2, 2, "Teams crashes when I share my screen", -1, NULL },
  { "Ngozi Mensah", "Ngozi", "ngozi.mensah", 8, 5, "Follow-me printing doesn't release my jobs", -1, NULL },
};
#define N_SHOWCASE ((guint) G_N_ELEMENTS (showcase))


static gboolean
gen_lounges (Gen     *gen,
             GError **error)
{
  g_autoptr(sqlite3_stmt) lounge = NULL;
  g_autoptr(sqlite3_stmt) desk = NULL;

  if (!gen_prepare (gen, "INSERT INTO lounge (id, name, location, timezone, opening_hours, phone)"
                    " VALUES (?, ?, ?, ?, ?, ?)", &lounge, error) ||
      !gen_prepare (gen, "INSERT INTO desk (lounge_id, name) VALUES (?, ?)", &desk, error))
    return FALSE;

  for (guint l = 0; l < N_LOUNGES; l++)
    {
      sqlite3_bind_int64 (lounge, 1, l + 1);
      bind_text (lounge, 2, lounges[l].name);
      bind_text (lounge, 3, lounges[l].location);
      bind_text (lounge, 4, lounges[l].timezone);
      bind_text (lounge, 5, lounges[l].hours);
      bind_text (lounge, 6, lounges[l].phone);
      if (!gen_insert (gen, lounge, error))
        return FALSE;

      for (guint d = 0; d < ENGINEERS_PER_LOUNGE + (l == 0 ? 1 : 0); d++)
        {
          char desk_name[32];

          if (d < ENGINEERS_PER_LOUNGE)
            g_snprintf (desk_name, sizeof desk_name, "Desk %u", d + 1);
          else
            g_strlcpy (desk_name, "Express", sizeof desk_name);
          sqlite3_bind_int64 (desk, 1, l + 1);
          bind_text (desk, 2, desk_name);
          if (!gen_insert (gen, desk, error))
            return FALSE;
        }
    }
  return TRUE;
}

static int
lounge_index (const char *name)
{
  for (guint l = 0; l < N_LOUNGES; l++)
    if (name != NULL && strcmp (lounges[l].name, name) == 0)
      return (int) l;
  return -1;
}

/* 10-digit badge and "E"-number from a bijection of the index: unique, but
 * not in sequence. */
static void
badge_for (guint  index,
           char  *out,
           gsize  size)
{
  g_snprintf (out, size, "%010" G_GUINT64_FORMAT,
              G_GUINT64_CONSTANT (1000000000) +
              ((guint64) index * G_GUINT64_CONSTANT (7777771)) % G_GUINT64_CONSTANT (900000000));
}

static void
employee_no_for (guint  index,
                 char  *out,
                 gsize  size)
{
  g_snprintf (out, size, "E%06" G_GUINT64_FORMAT,
              G_GUINT64_CONSTANT (100000) +
              ((guint64) index * G_GUINT64_CONSTANT (7919)) % G_GUINT64_CONSTANT (900000));
}

static gboolean
insert_person (Gen         *gen,
               gint64       id,
               const char  *badge,
               const char  *email,
               const char  *employee_no,
               const char  *username,
               const Name  *name,
               const char  *department,
               const char  *location,
               const char  *role,
               const char  *hash,
               gint64       created,
               GError     **error)
{
  sqlite3_stmt *stmt = gen->person_stmt;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, badge);
  bind_text (stmt, 3, email);
  bind_text (stmt, 4, employee_no);
  bind_text (stmt, 5, username);
  bind_text (stmt, 6, name->display);
  bind_text (stmt, 7, name->preferred[0] != '\0' ? name->preferred : NULL);
  bind_text (stmt, 8, name_groups[name->group].language);
  bind_text (stmt, 9, department);
  bind_text (stmt, 10, location);
  bind_text (stmt, 11, role);
  bind_text (stmt, 12, hash);
  sqlite3_bind_int64 (stmt, 13, created);
  sqlite3_bind_int64 (stmt, 14, created);
  return gen_insert (gen, stmt, error);
}

/* given.family@, then given.family2@…: the local parts of names never end
 * in a digit, so counting per local part keeps every address unique. */
static void
email_unique (GHashTable *used,
              const char *local,
              char       *out,
              gsize       size)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (used, local)) + 1;

  g_hash_table_insert (used, g_strdup (local), GUINT_TO_POINTER (n));
  if (n == 1)
    g_snprintf (out, size, "%s@example.com", local);
  else
    g_snprintf (out, size, "%s%u@example.com", local, n);
}

static gboolean
gen_people (Gen     *gen,
            GError **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *hashes[N_STAFF] = { NULL, };
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  guint next_engineer[N_LOUNGES] = { 0, };
  guint lounge_total = 0;

  /* staff, hashing each distinct password once: yescrypt is slow on purpose */
  for (guint s = 0; s < N_STAFF; s++)
    {
      char email[160], badge[16], employee_no[16];
      Name name = { "", "", "", 6 };
      int l = lounge_index (staff[s].lounge);
      const char *space;

      for (guint p = 0; p < s && hashes[s] == NULL; p++)
        if (strcmp (staff[p].password, staff[s].password) == 0)
          hashes[s] = hashes[p];
      if (hashes[s] == NULL)
        {
          char *hash = wk_password_hash (staff[s].password, error);

          if (hash == NULL)
            return FALSE;
          g_ptr_array_add (owned, hash);
          hashes[s] = hash;
        }

      g_strlcpy (name.display, staff[s].display_name, sizeof name.display);
      space = strchr (staff[s].display_name, ' ');
      if (space != NULL)
        g_strlcpy (name.preferred, staff[s].display_name,
                   MIN ((gsize) (space - staff[s].display_name) + 1, sizeof name.preferred));
      for (guint gi = 0; gi < G_N_ELEMENTS (name_groups); gi++)
        if (g_strv_contains ((const char * const *) name_groups[gi].given, name.preferred))
          name.group = gi;
      if (name.preferred[0] == '\0')
        name.group = 11;  /* 陈静 */

      g_snprintf (email, sizeof email, "%s@example.com", staff[s].username);
      badge_for (s, badge, sizeof badge);
      employee_no_for (s, employee_no, sizeof employee_no);

      if (!insert_person (gen, s + 1, badge, email, employee_no, staff[s].username, &name,
                          "IT Service Desk", l >= 0 ? lounges[l].location : NULL,
                          staff[s].role, hashes[s], gen->start - 400 * (gint64) DAY_S, error))
        return FALSE;

      if (strcmp (staff[s].role, "engineer") == 0 && l >= 0 &&
          next_engineer[l] < ENGINEERS_PER_LOUNGE)
        gen->engineer[l][next_engineer[l]++] = s + 1;
      else if (strcmp (staff[s].role, "lead") == 0 && l >= 0)
        gen->lead[l] = s + 1;
    }
  for (guint l = 0; l < N_LOUNGES; l++)
    {
      if (gen->lead[l] == 0)
        gen->lead[l] = 2;  /* the first lead covers lounges without one */
      g_assert (next_engineer[l] == ENGINEERS_PER_LOUNGE);
    }

  for (guint l = 0; l < N_LOUNGES; l++)
    lounge_total += (guint) (lounges[l].weight * 100);

  /* visitors */
  gen->person_lounge = g_new0 (guint8, gen->n_visitors);
  gen->person_ids = g_new0 (guint8, gen->n_visitors);
  gen->person_group = g_new0 (guint8, gen->n_visitors);
  gen->person_name = g_new0 (char *, gen->n_visitors + 1);

  for (guint v = 0; v < gen->n_visitors; v++)
    {
      Rng *rng = &gen->rng;
      Name name;
      char email[160], badge[16], employee_no[16], location[160];
      gboolean has_badge = rng_chance (rng, 0.85);
      gboolean has_email = rng_chance (rng, 0.96) || !has_badge;
      gboolean has_employee_no = rng_chance (rng, 0.70);
      guint pick = rng_below (rng, lounge_total), l = 0;
      const LoungeSpec *lounge;

      while (l < N_LOUNGES - 1 && pick >= (guint) (lounges[l].weight * 100))
        pick -= (guint) (lounges[l++].weight * 100);
      lounge = &lounges[l];

      make_name (rng, &name);
      if (v < N_SHOWCASE)
        {
          /* fixed people the printed summary points at */
          g_strlcpy (name.display, showcase[v].display_name, sizeof name.display);
          g_strlcpy (name.preferred, showcase[v].preferred != NULL ? showcase[v].preferred : "",
                     sizeof name.preferred);
          g_strlcpy (name.local, showcase[v].email_local, sizeof name.local);
          name.group = showcase[v].group;
          has_badge = has_email = TRUE;
        }
      if (has_email)
        email_unique (used, name.local, email, sizeof email);
      badge_for (N_STAFF + v, badge, sizeof badge);
      employee_no_for (N_STAFF + v, employee_no, sizeof employee_no);
      g_snprintf (location, sizeof location, "%s · %s, floor %u", lounge->city,
                  PICK (rng, lounge->buildings), rng_below (rng, 12) + 1);

      gen->person_lounge[v] = (guint8) l;
      gen->person_ids[v] = (has_badge ? 1 : 0) | (has_email ? 2 : 0) | (has_employee_no ? 4 : 0);
      gen->person_group[v] = (guint8) name.group;
      gen->person_name[v] = g_strdup (name.display);

      if (!insert_person (gen, N_STAFF + 1 + v,
                          has_badge ? badge : NULL,
                          has_email ? email : NULL,
                          has_employee_no ? employee_no : NULL,
                          NULL, &name, PICK (rng, departments), location, "visitor", NULL,
                          gen->start - rng_between (rng, 1, 3 * 365) * DAY_S, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- tickets, notes, hardware -------------------------------------------- */

static guint
pick_category (Rng *rng)
{
  double r = rng_double (rng);

  for (guint c = 0; c < N_CATEGORIES; c++)
    {
      r -= categories[c].weight;
      if (r < 0)
        return c;
    }
  return N_CATEGORIES - 1;
}

static int
pick_priority (Rng *rng)
{
  double r = rng_double (rng);

  return r < 0.03 ? 1 : r < 0.18 ? 2 : r < 0.80 ? 3 : r < 0.97 ? 4 : 5;
}

static gint64
engineer_of (Gen   *gen,
             guint  l)
{
  /* the first engineer of each lounge works a little more */
  static const guint32 weights[ENGINEERS_PER_LOUNGE] = { 40, 33, 27 };
  guint32 r = rng_below (&gen->rng, 100);
  guint e = 0;

  while (e < ENGINEERS_PER_LOUNGE - 1 && r >= weights[e])
    r -= weights[e++];
  return gen->engineer[l][e];
}

static void
make_signature (Rng   *rng,
                char  *out,
                gsize  size)
{
  int x = (int) rng_between (rng, 10, 40), y = (int) rng_between (rng, 40, 80);
  int strokes = (int) rng_between (rng, 1, 3);

  /* a handful of points per stroke: JSON [[[x, y], …], …] */
  out[0] = '\0';
  g_snprintf (out, size, "[");
  for (int k = 0; k < strokes; k++)
    {
      gsize len = strlen (out);

      g_snprintf (out + len, size - len, "%s[", k > 0 ? "," : "");
      for (int p = 0; p < 6; p++)
        {
          len = strlen (out);
          x += (int) rng_between (rng, 4, 18);
          y += (int) rng_between (rng, -12, 12);
          g_snprintf (out + len, size - len, "%s[%d,%d]", p > 0 ? "," : "", x, y);
        }
      len = strlen (out);
      g_snprintf (out + len, size - len, "]");
    }
  g_strlcat (out, "]", size);
}


static const char * const hw_status[] = { "preparing", "ready", "collected", "cancelled" };

static gboolean
insert_hardware (Gen         *gen,
                 gint64       ticket_id,
                 gint64       person_id,
                 const char  *person_name,
                 guint        lounge,
                 const char  *device,
                 HwState      state,
                 const char  *location,
                 gint64       created,
                 GError     **error)
{
  Rng *rng = &gen->rng;
  sqlite3_stmt *stmt = gen->hardware_stmt;
  gint64 now = gen->opt->now;
  gint64 ready_by = 0, ready = 0, collected = 0, updated = created;
  char asset[32], locker[16], signature[512];
  int version = 1;

  g_snprintf (asset, sizeof asset, "%s-%06u", lounges[lounge].code,
              (guint) (gen->next_hardware_id * 37 % 1000000));
  if (location == NULL)
    {
      if (rng_chance (rng, 0.35))
        location = "counter";
      else
        {
          g_snprintf (locker, sizeof locker, "locker %u", rng_below (rng, 48) + 1);
          location = locker;
        }
    }

  if (state == HW_PREPARING)
    ready_by = MAX (created, now) + rng_between (rng, 4, 72) * HOUR_S;
  else
    ready_by = created + rng_between (rng, 1, 3) * DAY_S;

  if (state == HW_READY || state == HW_COLLECTED)
    {
      ready = created + rng_between (rng, 2, 48) * HOUR_S;
      if (ready >= now)
        ready = created + (now - created) / 2;
      updated = ready;
      version = 2;
    }
  if (state == HW_COLLECTED)
    {
      collected = ready + (gint64) rng_lognormal_in (rng, 1.2 * DAY_S, 0.8, 600, 20 * DAY_S);
      if (collected >= now)
        collected = ready + (now - ready) / 2;
      updated = collected;
      version = 3;
    }
  if (state == HW_CANCELLED)
    {
      updated = created + rng_between (rng, 1, 5) * DAY_S;
      if (updated >= now)
        updated = created + (now - created) / 2;
      version = 2;
    }

  sqlite3_bind_int64 (stmt, 1, gen->next_hardware_id++);
  sqlite3_bind_int64 (stmt, 2, ticket_id);
  sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_int64 (stmt, 4, lounge + 1);
  bind_text (stmt, 5, device);
  bind_text (stmt, 6, asset);
  bind_text (stmt, 7, hw_status[state]);
  if (state != HW_PREPARING && state != HW_CANCELLED)
    bind_text (stmt, 8, location);
  bind_time (stmt, 9, ready_by);
  bind_time (stmt, 10, ready);
  bind_time (stmt, 11, collected);
  if (state == HW_COLLECTED)
    {
      gboolean typed = rng_chance (rng, 0.8);

      sqlite3_bind_int64 (stmt, 12, engineer_of (gen, lounge));
      if (typed)
        bind_text (stmt, 13, person_name);
      if (!typed || rng_chance (rng, 0.7))
        {
          make_signature (rng, signature, sizeof signature);
          bind_text (stmt, 14, signature);
        }
    }
  sqlite3_bind_int64 (stmt, 15, created);
  sqlite3_bind_int64 (stmt, 16, updated);
  sqlite3_bind_int64 (stmt, 17, version);
  return gen_insert (gen, stmt, error);
}

typedef struct {
  gint64      id;
  guint       visitor;
  guint       category;
  int         status;       /* -1: by age */
  const char *subject;      /* NULL: pick */
  gint64      created;
} TicketSpec;

static const char * const ticket_status[] = { "new", "open", "pending", "resolved", "closed" };

static gboolean
insert_ticket (Gen               *gen,
               const TicketSpec  *spec,
               GError           **error)
{
  Rng *rng = &gen->rng;
  const CategorySpec *cat = &categories[spec->category];
  sqlite3_stmt *stmt = gen->ticket_stmt;
  gint64 now = gen->opt->now;
  double age_days = (double) (now - spec->created) / DAY_S;
  guint lounge = gen->person_lounge[spec->visitor];
  int status = spec->status;
  gint64 resolved = 0, updated, assignee = 0;
  char ref[32];
  double r;

  if (status < 0)
    {
      r = rng_double (rng);
      if (age_days > 30)
        status = r < 0.80 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1;
      else if (age_days > 7)
        status = r < 0.30 ? 4 : r < 0.70 ? 3 : r < 0.85 ? 1 : 2;
      else
        status = r < 0.30 ? 0 : r < 0.70 ? 1 : r < 0.85 ? 2 : 3;
    }

  updated = spec->created + (gint64) rng_lognormal_in (rng, 6 * HOUR_S, 1.0, 0,
                                                       (double) (now - spec->created) / 2);
  if (status >= 3)
    {
      resolved = spec->created + (gint64) rng_lognormal_in (rng, 1.5 * DAY_S, 1.0,
                                                 600, 20 * DAY_S);
      if (resolved >= now)
        resolved = spec->created + (now - spec->created) / 2;
      updated = MAX (updated, resolved);
      if (status == 4)
        updated = MIN (resolved + 3 * DAY_S, spec->created + (now - spec->created) * 3 / 4);
      updated = MAX (updated, resolved);
    }
  if (status > 0)
    assignee = engineer_of (gen, lounge);

  g_snprintf (ref, sizeof ref, "WK-%" G_GINT64_FORMAT, TICKET_REF_BASE + spec->id - 1);
  sqlite3_bind_int64 (stmt, 1, spec->id);
  bind_text (stmt, 2, ref);
  sqlite3_bind_int64 (stmt, 3, N_STAFF + 1 + spec->visitor);
  bind_text (stmt, 4, spec->subject != NULL
             ? spec->subject
             : cat->subjects[rng_below (rng, count_slots (cat->subjects, G_N_ELEMENTS (cat->subjects)))]);
  bind_text (stmt, 5, rng_chance (rng, 0.7)
             ? cat->descriptions[rng_below (rng, count_slots (cat->descriptions, G_N_ELEMENTS (cat->descriptions)))]
             : "");
  bind_text (stmt, 6, cat->id);
  bind_text (stmt, 7, ticket_status[status]);
  sqlite3_bind_int (stmt, 8, pick_priority (rng));
  if (assignee != 0)
    sqlite3_bind_int64 (stmt, 9, assignee);
  sqlite3_bind_int64 (stmt, 10, lounge + 1);
  sqlite3_bind_int64 (stmt, 11, spec->created);
  sqlite3_bind_int64 (stmt, 12, updated);
  bind_time (stmt, 13, resolved);
  sqlite3_bind_int (stmt, 14, 1 + status + (int) rng_below (rng, 3));
  if (!gen_insert (gen, stmt, error))
    return FALSE;

  /* an engineer's note on some */
  if (assignee != 0 && rng_chance (rng, 0.12))
    {
      sqlite3_bind_int64 (gen->note_stmt, 1, gen->next_note_id++);
      sqlite3_bind_int64 (gen->note_stmt, 2, spec->id);
      sqlite3_bind_int64 (gen->note_stmt, 3, assignee);
      bind_text (gen->note_stmt, 4, PICK (rng, note_bodies));
      bind_text (gen->note_stmt, 5, rng_chance (rng, 0.6) ? "internal" : "public");
      sqlite3_bind_int64 (gen->note_stmt, 6, spec->created + (updated - spec->created) / 2);
      if (!gen_insert (gen, gen->note_stmt, error))
        return FALSE;
    }

  /* a device to collect on some */
  if (cat->hardware && spec->status < 0 && rng_chance (rng, 0.08) &&
      now - spec->created > 6 * HOUR_S)
    {
      HwState state;

      r = rng_double (rng);
      if (age_days < 2)
        state = r < 0.6 ? HW_PREPARING : HW_READY;
      else if (age_days < 7)
        state = r < 0.5 ? HW_READY : r < 0.95 ? HW_COLLECTED : HW_CANCELLED;
      else
        state = r < 0.92 ? HW_COLLECTED : HW_CANCELLED;
      if (!insert_hardware (gen, spec->id, N_STAFF + 1 + spec->visitor,
                            gen->person_name[spec->visitor], lounge,
                            cat->devices[rng_below (rng, count_slots (cat->devices, G_N_ELEMENTS (cat->devices)))],
                            state, NULL, spec->created + rng_between (rng, 600, 2 * HOUR_S), error))
        return FALSE;
    }

  return TRUE;
}


static gboolean
gen_tickets (Gen     *gen,
             GError **error)
{
  Rng *rng = &gen->rng;
  gint64 now = gen->opt->now;
  guint n_random = gen->n_tickets - N_SHOWCASE;
  gint64 span = now - 2 * HOUR_S - (gen->start - 14 * DAY_S);
  gint64 begin = gen->start - 14 * DAY_S;

  gen->ticket_created = g_new0 (gint64, gen->n_tickets);
  gen->ticket_requester = g_new0 (guint32, gen->n_tickets);
  gen->ticket_category = g_new0 (guint8, gen->n_tickets);
  for (guint l = 0; l < N_LOUNGES; l++)
    gen->lounge_tickets[l] = g_array_sized_new (FALSE, FALSE, sizeof (guint32),
                                                gen->n_tickets / 2);

  for (guint i = 0; i < gen->n_tickets; i++)
    {
      TicketSpec spec = { i + 1, 0, 0, -1, NULL, 0 };

      if (i < n_random)
        {
          /* evenly spread in time, with jitter, so ids follow time */
          double u = rng_double (rng);
          double x = pow (rng_double (rng), 1.7);

          spec.created = begin + (gint64) (((double) i + u) * span / n_random);
          spec.visitor = N_SHOWCASE + (guint) (x * (gen->n_visitors - N_SHOWCASE));
          spec.category = pick_category (rng);
        }
      else
        {
          const Showcase *sc = &showcase[i - n_random];

          spec.visitor = i - n_random;
          spec.category = sc->category;
          spec.subject = sc->subject;
          spec.status = rng_chance (rng, 0.5) ? 1 : 2;
          spec.created = now - rng_between (rng, 2, 6) * DAY_S;
        }

      gen->ticket_created[i] = spec.created;
      gen->ticket_requester[i] = spec.visitor;
      gen->ticket_category[i] = (guint8) spec.category;
      if (i < n_random)
        g_array_append_val (gen->lounge_tickets[gen->person_lounge[spec.visitor]], i);

      if (!insert_ticket (gen, &spec, error))
        return FALSE;

      if (i >= n_random && showcase[i - n_random].hw_state >= 0)
        {
          const Showcase *sc = &showcase[i - n_random];
          const CategorySpec *cat = &categories[sc->category];

          if (!insert_hardware (gen, spec.id, N_STAFF + 1 + spec.visitor,
                                gen->person_name[spec.visitor],
                                gen->person_lounge[spec.visitor],
                                cat->devices[0] != NULL ? cat->devices[0] : "Loan laptop (ThinkPad T14)",
                                sc->hw_state, sc->location,
                                spec.created + HOUR_S, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- visits and surveys -------------------------------------------------- */

static void
make_uuid (Rng    *rng,
           gint64  t,
           char   *out,
           gsize   size)
{
  /* UUIDv7 layout: 48-bit milliseconds, then random bits */
  guint64 ms = (guint64) t * 1000 + rng_below (rng, 1000);
  guint64 r1 = rng_next (rng), r2 = rng_next (rng);

  g_snprintf (out, size, "%08x-%04x-7%03x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (ms >> 16), (guint) (ms & 0xffff),
              (guint) (r1 & 0xfff), (guint) (0x8000 | ((r1 >> 12) & 0x3fff)),
              r2 & G_GUINT64_CONSTANT (0xffffffffffff));
}

typedef enum {
  V_WAITING, V_CALLED, V_IN_SERVICE, V_DONE, V_LEFT, V_CANCELLED,
} VisitState;

static const char * const visit_status[] = {
  "waiting", "called", "in_service", "done", "left", "cancelled",
};

typedef struct {
  gint64      id;
  guint       lounge;
  gint64      person_id;   /* 0: guest */
  guint       visitor;
  gint64      ticket_id;
  guint       category;
  VisitState  state;
  gint64      checked_in;
  gint64      called;
  gint64      started;
  gint64      finished;
  gint64      engineer;
  const char *identified_by;
  const char *outcome;
  gint64      wait;        /* called - checked in, or the patience of a leaver */
  gint64      estimate;
  double      load;
} Visit;

static gboolean
gen_survey (Gen          *gen,
            const Visit  *v,
            GError      **error)
{
  Rng *rng = &gen->rng;
  sqlite3_stmt *stmt = gen->survey_stmt;
  gint64 now = gen->opt->now;
  gboolean linked = v->state == V_DONE || v->state == V_LEFT;
  gboolean long_wait = v->wait > 20 * 60;
  gboolean anonymous = v->person_id == 0 || rng_chance (rng, 0.08);
  const char *resolved = "unknown";
  const char *tags[4] = { NULL, };
  guint n_tags = 0;
  const char *comment = "";
  const char *language = v->person_id != 0
    ? name_groups[gen->person_group[v->visitor]].language : "en";
  gboolean consent;
  gint64 created, end = v->finished;
  double bad, r;
  int score;
  char uuid[40];
  g_autofree char *tag_text = NULL;

  if (v->state == V_LEFT)
    bad = 0.65;
  else
    bad = 0.05 + (long_wait ? 0.15 : 0) +
          (g_strcmp0 (v->outcome, "follow_up") == 0 ? 0.12 : 0) +
          (g_strcmp0 (v->outcome, "workaround") == 0 ? 0.04 : 0);
  r = rng_double (rng);
  if (r < bad)
    score = rng_chance (rng, 0.45) ? 1 : 2;
  else if (r < bad + 0.08)
    score = 3;
  else
    score = rng_chance (rng, 0.30) ? 4 : 5;

  if (v->state == V_DONE)
    {
      r = rng_double (rng);
      if (g_strcmp0 (v->outcome, "resolved_first_contact") == 0)
        resolved = r < 0.9 ? "yes" : "unknown";
      else if (g_strcmp0 (v->outcome, "workaround") == 0)
        resolved = r < 0.4 ? "yes" : r < 0.7 ? "no" : "unknown";
      else
        resolved = r < 0.7 ? "no" : "unknown";
    }
  else if (v->state == V_LEFT)
    resolved = "no";

  if (score >= 4)
    {
      if (rng_chance (rng, 0.5))
        tags[n_tags++] = PICK (rng, ((const char *[]) { "speed", "friendliness", "knowledge" }));
      if (g_strcmp0 (v->outcome, "resolved_first_contact") == 0 && rng_chance (rng, 0.4))
        tags[n_tags++] = "fixed-first-time";
      if (rng_chance (rng, 0.2))
        comment = PICK (rng, comments_good);
    }
  else
    {
      if (long_wait || v->state == V_LEFT)
        tags[n_tags++] = "speed";
      tags[n_tags++] = PICK (rng, ((const char *[]) { "process", "quality", "knowledge", "value" }));
      if (score == 3 ? rng_chance (rng, 0.4) : rng_chance (rng, 0.8))
        comment = score == 3 ? PICK (rng, comments_mixed) : PICK (rng, comments_bad);
    }
  if (n_tags == 2 && strcmp (tags[0], tags[1]) == 0)
    tags[--n_tags] = NULL;
  tag_text = g_strjoinv (",", (char **) tags);

  consent = !anonymous && (score <= 2 ? rng_chance (rng, 0.6) : rng_chance (rng, 0.1));

  /* on the way out, or when they next identify */
  if (rng_chance (rng, 0.75))
    created = end + rng_between (rng, 20, 600);
  else
    created = end + rng_between (rng, 1, 10) * DAY_S + rng_between (rng, 0, 8 * HOUR_S);
  if (created >= now)
    created = end + (now - end) / 2;

  make_uuid (rng, created, uuid, sizeof uuid);
  sqlite3_bind_int64 (stmt, 1, gen->next_survey_id++);
  bind_text (stmt, 2, uuid);
  if (linked)
    {
      sqlite3_bind_int64 (stmt, 3, v->id);
      if (v->ticket_id != 0)
        sqlite3_bind_int64 (stmt, 4, v->ticket_id);
      if (v->engineer != 0)
        sqlite3_bind_int64 (stmt, 5, v->engineer);
    }
  sqlite3_bind_int64 (stmt, 6, v->lounge + 1);
  if (!anonymous)
    sqlite3_bind_int64 (stmt, 7, v->person_id);
  sqlite3_bind_int (stmt, 8, score);
  bind_text (stmt, 9, resolved);
  bind_text (stmt, 10, tag_text);
  bind_text (stmt, 11, comment);
  sqlite3_bind_int (stmt, 12, consent);
  sqlite3_bind_int (stmt, 13, anonymous);
  bind_text (stmt, 14, language);
  sqlite3_bind_int64 (stmt, 15, created);
  if (score <= 2 && consent)
    {
      double age = (double) (now - created) / DAY_S;
      gint64 at = created + rng_between (rng, 2 * HOUR_S, 3 * DAY_S);
      const char *fstatus = age > 14 ? "closed" : age > 3 ? "contacted" : "needed";

      if (at >= now)
        at = created + (now - created) / 2;
      bind_text (stmt, 16, fstatus);
      if (strcmp (fstatus, "needed") != 0)
        {
          sqlite3_bind_int64 (stmt, 17, gen->lead[v->lounge]);
          bind_text (stmt, 18, PICK (rng, followup_notes));
          sqlite3_bind_int64 (stmt, 19, at);
        }
    }
  else
    bind_text (stmt, 16, "none");
  return gen_insert (gen, stmt, error);
}

static gboolean
insert_visit (Gen          *gen,
              const Visit  *v,
              GError      **error)
{
  Rng *rng = &gen->rng;
  sqlite3_stmt *stmt = gen->visit_stmt;
  char uuid[40], desk[16], kiosk[32], email[160];
  Name name;
  double kiosk_median;
  int version;

  make_uuid (rng, v->checked_in, uuid, sizeof uuid);
  sqlite3_bind_int64 (stmt, 1, v->id);
  bind_text (stmt, 2, uuid);
  sqlite3_bind_int64 (stmt, 3, v->lounge + 1);
  if (v->person_id != 0)
    sqlite3_bind_int64 (stmt, 4, v->person_id);
  else
    {
      make_name (rng, &name);
      bind_text (stmt, 5, name.display);
      if (rng_chance (rng, 0.5))
        {
          g_snprintf (email, sizeof email, "%s@partner.example.org", name.local);
          bind_text (stmt, 6, email);
        }
    }
  if (v->ticket_id != 0)
    sqlite3_bind_int64 (stmt, 7, v->ticket_id);
  bind_text (stmt, 8, categories[v->category].id);
  bind_text (stmt, 9, visit_status[v->state]);
  sqlite3_bind_int64 (stmt, 10, v->checked_in);
  bind_time (stmt, 11, v->called);
  bind_time (stmt, 12, v->started);
  bind_time (stmt, 13, v->finished);
  if (v->engineer != 0)
    {
      guint e = 0;

      for (guint k = 0; k < ENGINEERS_PER_LOUNGE; k++)
        if (gen->engineer[v->lounge][k] == v->engineer)
          e = k;
      g_snprintf (desk, sizeof desk, "Desk %u", e + 1);
      sqlite3_bind_int64 (stmt, 14, v->engineer);
      bind_text (stmt, 15, desk);
    }
  g_snprintf (kiosk, sizeof kiosk, "%s-kiosk-%u", lounges[v->lounge].code,
              v->lounge == 0 ? rng_below (rng, 2) + 1 : 1);
  for (char *p = kiosk; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  bind_text (stmt, 16, kiosk);
  bind_text (stmt, 17, v->identified_by);

  kiosk_median = strcmp (v->identified_by, "badge") == 0 ? 14000
               : strcmp (v->identified_by, "guest") == 0 ? 48000
               : strcmp (v->identified_by, "ticket_ref") == 0 ? 26000 : 32000;
  if (!rng_chance (rng, 0.02))
    sqlite3_bind_int64 (stmt, 18, (gint64) rng_lognormal_in (rng, kiosk_median, 0.45,
                                                  2500, 600000));
  bind_text (stmt, 19, v->outcome);
  if (v->estimate >= 0)
    sqlite3_bind_int64 (stmt, 20, v->estimate);
  version = v->state == V_DONE ? 4 : v->state == V_WAITING ? 1
          : v->state == V_CALLED ? 2 : v->state == V_IN_SERVICE ? 3 : v->called != 0 ? 3 : 2;
  sqlite3_bind_int (stmt, 21, version);
  return gen_insert (gen, stmt, error);
}

/* Picks who walks in at @t to lounge @l: usually about one of their recent
 * tickets there, sometimes a guest. */
static void
pick_visitor (Gen    *gen,
              Visit  *v,
              gint64  t)
{
  Rng *rng = &gen->rng;
  GArray *tickets = gen->lounge_tickets[v->lounge];
  guint lo = 0, hi = tickets->len, recent;
  guint8 ids;
  double r;

  v->person_id = 0;
  v->ticket_id = 0;
  v->identified_by = "guest";

  if (rng_chance (rng, 0.08))
    {
      v->category = pick_category (rng);
      return;
    }

  /* tickets of this lounge created before t: binary search, then one of
   * the last three weeks' (or the latest) */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gen->ticket_created[g_array_index (tickets, guint32, mid)] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0)
    {
      guint first = 0, end = lo, idx;

      while (first < end)
        {
          guint mid = first + (end - first) / 2;

          if (gen->ticket_created[g_array_index (tickets, guint32, mid)] <= t - 21 * DAY_S)
            first = mid + 1;
          else
            end = mid;
        }
      if (first >= lo)
        first = lo - 1;
      recent = lo - first;
      idx = g_array_index (tickets, guint32, first + rng_below (rng, recent));
      v->ticket_id = idx + 1;
      v->visitor = gen->ticket_requester[idx];
      v->category = gen->ticket_category[idx];
    }
  else
    {
      v->visitor = N_SHOWCASE + rng_below (rng, gen->n_visitors - N_SHOWCASE);
      v->category = pick_category (rng);
    }
  v->person_id = N_STAFF + 1 + v->visitor;

  ids = gen->person_ids[v->visitor];
  r = rng_double (rng);
  if (v->ticket_id != 0 && r < 0.12)
    v->identified_by = "ticket_ref";
  else if ((ids & 1) && r < 0.78)
    v->identified_by = "badge";
  else if ((ids & 4) && r < 0.88)
    v->identified_by = "employee_no";
  else if (ids & 2)
    v->identified_by = "email";
  else if (ids & 1)
    v->identified_by = "badge";
  else
    v->identified_by = v->ticket_id != 0 ? "ticket_ref" : "email";
}

static void
pick_outcome (Gen   *gen,
              Visit *v)
{
  double r = rng_double (&gen->rng), fcr = categories[v->category].fcr;

  if (r < fcr)
    v->outcome = "resolved_first_contact";
  else if (r < fcr + (1 - fcr) * 0.45)
    v->outcome = "workaround";
  else
    v->outcome = "follow_up";
}

/* One historical visit: everything about it is over before now. */
static gboolean
gen_history_visit (Gen     *gen,
                   guint    l,
                   gint64   t,
                   double   load,
                   GError **error)
{
  Rng *rng = &gen->rng;
  gint64 now = gen->opt->now;
  Visit v = { 0, };
  double r;

  v.id = gen->next_visit_id++;
  v.lounge = l;
  v.checked_in = t;
  v.load = load;
  v.estimate = -1;
  pick_visitor (gen, &v, t);

  v.wait = (gint64) rng_lognormal_in (rng, 160 * pow (load, 1.4), 0.75, 5, 90 * 60);
  if (!rng_chance (rng, 0.03))
    {
      /* whole minutes, as the kiosk shows them; a little optimistic */
      double est = v.wait * exp (rng_normal (rng) * 0.35 - 0.05);

      v.estimate = (gint64) floor (est / 60 + 0.5) * 60;
    }

  r = rng_double (rng);
  if (r < 0.045)
    {
      /* gave up waiting */
      v.state = V_LEFT;
      v.wait = (gint64) rng_lognormal_in (rng, 18 * 60, 0.5, 120, 90 * 60);
      v.finished = t + v.wait;
    }
  else if (r < 0.06)
    {
      v.state = V_CANCELLED;
      v.finished = t + rng_between (rng, 30, 15 * 60);
    }
  else
    {
      gint64 walk = rng_between (rng, 15, 120);
      gint64 service = (gint64) rng_lognormal_in (rng, categories[v.category].service_median, 0.5,
                                       60, 3 * HOUR_S);

      v.engineer = engineer_of (gen, l);
      v.called = t + v.wait;
      if (r < 0.07)
        {
          /* called, never showed up */
          v.state = V_LEFT;
          v.finished = v.called + rng_between (rng, 120, 300);
        }
      else
        {
          v.state = V_DONE;
          v.started = v.called + walk;
          v.finished = v.started + service;
          pick_outcome (gen, &v);
        }
    }

  /* everything of the past is over a minute before now */
  if (v.finished >= now - 60)
    {
      gint64 room = MAX (now - 60 - t, 4);
      gint64 span = v.finished - t;

      if (v.called != 0)
        v.called = t + (v.called - t) * room / span;
      if (v.started != 0)
        v.started = MAX (v.called, t + (v.started - t) * room / span);
      v.finished = MAX (MAX (v.started, v.called), t + room);
      if (v.called != 0)
        v.wait = v.called - t;
    }

  if (!insert_visit (gen, &v, error))
    return FALSE;

  /* selection sampling: exactly opt->surveys of the historical visits */
  if (gen->surveys_left > 0 &&
      rng_below (rng, gen->history_left) < gen->surveys_left)
    {
      gen->surveys_left--;
      if (!gen_survey (gen, &v, error))
        return FALSE;
    }
  gen->history_left--;
  return TRUE;
}

static int
arrival_compare (gconstpointer a,
                 gconstpointer b)
{
  const Arrival *x = a, *y = b;

  if (x->t != y->t)
    return x->t < y->t ? -1 : 1;
  return (int) x->lounge - (int) y->lounge;
}

/* The current queue, per lounge: people waiting, one being called, one in
 * service. */
static const struct {
  guint waiting;
  guint called;
  guint in_service;
} live[N_LOUNGES] = { { 3, 1, 1 }, { 2, 0, 1 }, { 1, 0, 1 } };

static guint
live_count (void)
{
  guint n = 0;

  for (guint l = 0; l < N_LOUNGES; l++)
    n += live[l].waiting + live[l].called + live[l].in_service;
  return n;
}

static gboolean
gen_live (Gen     *gen,
          GError **error)
{
  Rng *rng = &gen->rng;
  gint64 now = gen->opt->now;

  for (guint l = 0; l < N_LOUNGES; l++)
    {
      guint n = live[l].waiting + live[l].called + live[l].in_service;
      gint64 t = now - 40 * 60;

      for (guint k = 0; k < n; k++)
        {
          Visit v = { 0, };

          v.id = gen->next_visit_id++;
          v.lounge = l;
          t += rng_between (rng, 60, 40 * 60 / (n + 1));
          v.checked_in = MIN (t, now - 30);
          v.estimate = (gint64) (k + 1) * 6 * 60;
          pick_visitor (gen, &v, v.checked_in);

          /* the last showcase visitors wait in the queues, one per lounge */
          if (k == n - 1)
            {
              guint s = N_SHOWCASE - N_LOUNGES + l;

              v.visitor = s;
              v.person_id = N_STAFF + 1 + s;
              v.ticket_id = gen->n_tickets - N_SHOWCASE + 1 + s;
              v.category = showcase[s].category;
              v.identified_by = "badge";
            }

          if (k < live[l].in_service)
            {
              v.state = V_IN_SERVICE;
              v.engineer = gen->engineer[l][k % ENGINEERS_PER_LOUNGE];
              v.called = v.checked_in + (now - v.checked_in) / 3;
              v.started = v.called + 20;
            }
          else if (k < live[l].in_service + live[l].called)
            {
              v.state = V_CALLED;
              v.engineer = gen->engineer[l][(k + 1) % ENGINEERS_PER_LOUNGE];
              v.called = now - 20;
            }
          else
            v.state = V_WAITING;
          if (v.called != 0)
            v.wait = v.called - v.checked_in;

          if (!insert_visit (gen, &v, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
gen_visits (Gen     *gen,
            GError **error)
{
  const WkDemoDataOptions *opt = gen->opt;
  gint64 now = opt->now;
  guint days = opt->days;
  guint n_history = opt->visits - live_count ();
  g_autofree double *weights = g_new0 (double, (gsize) days * N_LOUNGES);
  g_autofree gint64 *open_at = g_new0 (gint64, (gsize) days * N_LOUNGES);
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (Arrival));
  double total = 0, cum = 0;
  guint allocated = 0;

  gen->history_left = n_history;
  gen->surveys_left = MIN (opt->surveys, n_history);

  /* weight of each lounge-day, opening time, and the cut-off for today */
  for (guint d = 0; d < days; d++)
    for (guint l = 0; l < N_LOUNGES; l++)
      {
        GDate date = gen->today[l];
        int wd;
        double w, open_share = 1.0;
        gint64 open, close;

        g_date_subtract_days (&date, days - 1 - d);
        wd = date_weekday (&date);
        if (lounges[l].close[wd] == 0)
          continue;
        open = lounge_time (gen, l, &date, lounges[l].open[wd]);
        close = lounge_time (gen, l, &date, lounges[l].close[wd]);
        if (open == 0 || close <= open)
          continue;
        /* history stops an hour before now */
        if (close > now - HOUR_S)
          open_share = CLAMP ((double) (now - HOUR_S - open) / (close - open), 0, 1);
        w = day_weight (wd, &date, days > 1 ? (double) d / (days - 1) : 1) *
            lounges[l].weight * open_share;
        weights[d * N_LOUNGES + l] = w;
        open_at[d * N_LOUNGES + l] = open;
        total += w;
      }

  if (total <= 0 && n_history > 0)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The lounges were never open in the %u days before the reference time"),
                   days);
      return FALSE;
    }

  for (guint d = 0; d < days; d++)
    {
      g_array_set_size (arrivals, 0);

      for (guint l = 0; l < N_LOUNGES; l++)
        {
          guint k = d * N_LOUNGES + l;
          GDate date = gen->today[l];
          double cdf[SLOTS_PER_DAY], sum = 0;
          guint count, n_slots;
          int wd, open_min;
          gint64 limit;

          if (weights[k] <= 0)
            continue;
          cum += weights[k];
          count = (guint) floor (cum * n_history / total + 0.5) - allocated;
          allocated += count;
          if (count == 0)
            continue;

          g_date_subtract_days (&date, days - 1 - d);
          wd = date_weekday (&date);
          open_min = lounges[l].open[wd];
          n_slots = (lounges[l].close[wd] - open_min) / 15;
          limit = MIN (open_at[k] + (gint64) n_slots * 900, now - HOUR_S);
          for (guint s = 0; s < n_slots; s++)
            {
              if (open_at[k] + (gint64) s * 900 < limit)
                sum += slot_weight (wd, open_min + (int) s * 15);
              cdf[s] = sum;
            }

          for (guint i = 0; i < count; i++)
            {
              double u = rng_double (&gen->rng) * sum;
              guint s = 0;
              Arrival a;

              while (s < n_slots - 1 && cdf[s] <= u)
                s++;
              a.t = open_at[k] + (gint64) s * 900 + rng_below (&gen->rng, 900);
              a.t = MIN (a.t, limit - 1);
              a.lounge = (guint8) l;
              a.weekday = (guint8) wd;
              a.minute = (guint16) (open_min + (a.t - open_at[k]) / 60);
              g_array_append_val (arrivals, a);
            }
        }

      g_array_sort (arrivals, arrival_compare);
      for (guint i = 0; i < arrivals->len; i++)
        {
          const Arrival *a = &g_array_index (arrivals, Arrival, i);
          double load = slot_weight (a->weekday, a->minute);

          if (!gen_history_visit (gen, a->lounge, a->t, load, error))
            return FALSE;
        }
    }

  g_assert (allocated == n_history);
  return gen_live (gen, error);
}

/* ---- announcements -------------------------------------------------------- */

static gboolean
gen_announcements (Gen     *gen,
                   GError **error)
{
  static const struct {
    int         lounge;     /* 0: all */
    const char *title;
    const char *body;
    int         from_days;  /* relative to now */
    int         to_days;
  } items[] = {
    { 0, "Email moves to the new client on Monday — here is what changes",
      "Your mail, calendar and contacts move by themselves over the weekend. On Monday, open "
      "the new Mail app from the dock; your old shortcuts keep working for two weeks. "
      "Questions? Walk up — we have a short demo running at the lounge.", -3, 5 },
    { 0, "Wi-Fi maintenance on Saturday 06:00–10:00",
      "Corporate Wi-Fi and VPN may drop for a few minutes during the maintenance window.", -1, 4 },
    { 1, "Locker bank B is out of service",
      "Devices ready for pickup are at the counter or in locker bank A (lockers 1–24).", -2, 10 },
    { 2, "Laptop refresh for Finance and Legal",
      "Book a 20-minute slot to swap your laptop; bring your charger and badge.", -7, 21 },
    { 3, "Diwali: the lounge closes at 15:00 on Friday", "Urgent help: call the number on the screen.", -1, 3 },
    { 0, "Phishing test results", "Thanks for reporting! 87 % of you spotted the fake parcel email.", -40, -20 },
    { 0, "New self-service printer setup", "Coming soon: add printers yourself from the Software Center.", 10, 30 },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = gen->opt->now;

  if (!gen_prepare (gen, "INSERT INTO announcement (lounge_id, title, body, starts_at, ends_at)"
                    " VALUES (?, ?, ?, ?, ?)", &stmt, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      if (items[i].lounge != 0)
        sqlite3_bind_int64 (stmt, 1, items[i].lounge);
      bind_text (stmt, 2, items[i].title);
      bind_text (stmt, 3, items[i].body);
      sqlite3_bind_int64 (stmt, 4, now + (gint64) items[i].from_days * DAY_S);
      sqlite3_bind_int64 (stmt, 5, now + (gint64) items[i].to_days * DAY_S);
      if (!gen_insert (gen, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- the whole run -------------------------------------------------------- */

static void
gen_clear (Gen *gen)
{
  for (guint l = 0; l < N_LOUNGES; l++)
    {
      g_clear_pointer (&gen->tz[l], g_time_zone_unref);
      g_clear_pointer (&gen->lounge_tickets[l], g_array_unref);
    }
  g_clear_pointer (&gen->person_lounge, g_free);
  g_clear_pointer (&gen->person_ids, g_free);
  g_clear_pointer (&gen->person_group, g_free);
  g_clear_pointer (&gen->person_name, g_strfreev);
  g_clear_pointer (&gen->ticket_created, g_free);
  g_clear_pointer (&gen->ticket_requester, g_free);
  g_clear_pointer (&gen->ticket_category, g_free);
  g_clear_pointer (&gen->person_stmt, sqlite3_finalize);
  g_clear_pointer (&gen->ticket_stmt, sqlite3_finalize);
  g_clear_pointer (&gen->note_stmt, sqlite3_finalize);
  g_clear_pointer (&gen->visit_stmt, sqlite3_finalize);
  g_clear_pointer (&gen->survey_stmt, sqlite3_finalize);
  g_clear_pointer (&gen->hardware_stmt, sqlite3_finalize);
}

static gboolean
gen_run (Gen     *gen,
         GError **error)
{
  const WkDemoDataOptions *opt = gen->opt;
  gint64 earliest = G_MAXINT64;

  rng_seed (&gen->rng, opt->seed);
  gen->n_visitors = opt->people;
  gen->n_tickets = opt->tickets;
  gen->next_hardware_id = 1;
  gen->next_note_id = 1;
  gen->next_survey_id = 1;
  gen->next_visit_id = 1;

  for (guint l = 0; l < N_LOUNGES; l++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (opt->now);
      g_autoptr(GDateTime) local = NULL;
      GDate first;

      gen->tz[l] = g_time_zone_new_identifier (lounges[l].timezone);
      if (gen->tz[l] == NULL)
        gen->tz[l] = g_time_zone_new_utc ();
      local = g_date_time_to_timezone (utc, gen->tz[l]);
      g_date_clear (&gen->today[l], 1);
      g_date_set_dmy (&gen->today[l], g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      first = gen->today[l];
      g_date_subtract_days (&first, opt->days - 1);
      earliest = MIN (earliest, lounge_time (gen, l, &first, 0));
    }
  gen->start = earliest;

  for (guint c = 0; c < N_CATEGORIES; c++)
    g_assert (wk_category_is_valid (categories[c].id));

  if (!gen_prepare (gen, "INSERT INTO person (id, badge_id, email, employee_no, username,"
                    " display_name, preferred_name, language, department, location, role,"
                    " credential_hash, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &gen->person_stmt, error) ||
      !gen_prepare (gen, "INSERT INTO ticket (id, ref, requester_id, subject, description,"
                    " category, status, priority, assignee_id, lounge_id, created_at,"
                    " updated_at, resolved_at, version)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &gen->ticket_stmt, error) ||
      !gen_prepare (gen, "INSERT INTO note (id, ticket_id, author_id, body, visibility, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)", &gen->note_stmt, error) ||
      !gen_prepare (gen, "INSERT INTO visit (id, uuid, lounge_id, person_id, guest_name,"
                    " guest_email, ticket_id, reason, status, checked_in_at, called_at,"
                    " service_started_at, finished_at, engineer_id, desk, kiosk,"
                    " identified_by, kiosk_ms, outcome, estimated_wait_s, version)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &gen->visit_stmt, error) ||
      !gen_prepare (gen, "INSERT INTO survey (id, uuid, visit_id, ticket_id, engineer_id,"
                    " lounge_id, person_id, score, resolved, tags, comment, contact_consent,"
                    " anonymous, language, created_at, followup_status, followup_by,"
                    " followup_note, followup_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &gen->survey_stmt, error) ||
      !gen_prepare (gen, "INSERT INTO hardware (id, ticket_id, person_id, lounge_id,"
                    " description, asset_tag, status, location, ready_by, ready_at,"
                    " collected_at, handed_over_by, ack_name, ack_signature, created_at,"
                    " updated_at, version)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &gen->hardware_stmt, error))
    return FALSE;

  if (!gen_lounges (gen, error))
    return FALSE;
  g_debug ("people");
  if (!gen_people (gen, error))
    return FALSE;
  g_debug ("tickets");
  if (!gen_tickets (gen, error))
    return FALSE;
  g_debug ("visits");
  if (!gen_visits (gen, error))
    return FALSE;
  return gen_announcements (gen, error);
}

static gboolean
check_options (const WkDemoDataOptions  *options,
               GError                  **error)
{
  if (options->people < N_SHOWCASE + 2 || options->tickets < N_SHOWCASE + 2 ||
      options->visits < live_count () + 1 || options->days < 1 || options->days > 3660 ||
      options->people > 10000000 || options->tickets > 100000000 ||
      options->visits > 100000000 || options->now < 0)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("Demo data needs at least %u people, %u tickets, %u visits and 1 day "
                     "(at most 3660 days)"),
                   N_SHOWCASE + 2, N_SHOWCASE + 2, live_count () + 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pragma (sqlite3     *db,
        const char  *sql,
        const char  *expected,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, sql);
      return FALSE;
    }
  if (expected != NULL &&
      (rc != SQLITE_ROW ||
       g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), expected) != 0))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE, "%s did not take effect", sql);
      return FALSE;
    }
  return TRUE;
}

static gboolean
table_is_empty (sqlite3     *db,
                const char  *sql,
                gboolean    *empty,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, sql);
      return FALSE;
    }
  *empty = rc == SQLITE_DONE;
  return TRUE;
}

gboolean
wk_demo_data_generate (sqlite3                  *db,
                       const WkDemoDataOptions  *options,
                       GError                  **error)
{
  static const char * const bulk_tables[] = {
    "person", "ticket", "note", "visit", "survey", "hardware", NULL,
  };
  g_autoptr(GPtrArray) index_sql = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) index_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  Gen gen = { 0, };
  gboolean empty = TRUE, ok = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;
  if (!table_is_empty (db, "SELECT 1 FROM person LIMIT 1", &empty, error))
    return FALSE;
  if (empty && !table_is_empty (db, "SELECT 1 FROM lounge LIMIT 1", &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT,
                   _("The database already holds data; demo data goes into an empty one"));
      return FALSE;
    }

  /* Bulk mode: no fsync, the rollback journal in memory (a fresh file has
   * nearly no old pages to save), no foreign-key lookups per row (the
   * generator only writes ids it made), no CHECK constraints (each IN-list
   * CHECK of migration 1 builds an ephemeral table per inserted row, which
   * triples the cost of a visit; PRAGMA integrity_check verifies them all
   * afterwards, see tests/core/test-demo-data.c), and the big tables'
   * secondary indexes built once at the end instead of row by row. */
  if (!pragma (db, "PRAGMA journal_mode = MEMORY", "memory", error) ||
      !pragma (db, "PRAGMA synchronous = OFF", NULL, error) ||
      !pragma (db, "PRAGMA foreign_keys = OFF", NULL, error) ||
      !pragma (db, "PRAGMA cache_size = -262144", NULL, error) ||
      !pragma (db, "PRAGMA temp_store = MEMORY", NULL, error) ||
      !pragma (db, "PRAGMA threads = 2", NULL, error) ||
      !pragma (db, "PRAGMA ignore_check_constraints = ON", NULL, error))
    goto restore;

  if (!wk_db_exec (db, "BEGIN IMMEDIATE", error))
    goto restore;

  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    int rc = sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                 " AND sql IS NOT NULL AND tbl_name = ?", -1, &stmt, NULL);

    for (guint t = 0; rc == SQLITE_OK && bulk_tables[t] != NULL; t++)
      {
        sqlite3_reset (stmt);
        sqlite3_bind_text (stmt, 1, bulk_tables[t], -1, SQLITE_STATIC);
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            g_ptr_array_add (index_names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
            g_ptr_array_add (index_sql, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
          }
        if (rc == SQLITE_DONE)
          rc = SQLITE_OK;
      }
    if (rc != SQLITE_OK)
      {
        wk_db_set_error (db, rc, error, "indexes");
        goto rollback;
      }
  }
  for (guint i = 0; i < index_names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"",
                                               (const char *) g_ptr_array_index (index_names, i));

      if (!wk_db_exec (db, drop, error))
        goto rollback;
    }

  gen.db = db;
  gen.opt = options;
  if (!gen_run (&gen, error))
    goto rollback;

  g_debug ("indexes");
  for (guint i = 0; i < index_sql->len; i++)
    if (!wk_db_exec (db, g_ptr_array_index (index_sql, i), error))
      goto rollback;

  gen_clear (&gen);
  if (!wk_db_exec (db, "COMMIT", error))
    goto rollback;
  ok = TRUE;
  goto restore;

rollback:
  gen_clear (&gen);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

restore:
  /* back to what wk_db_open() set, whatever happened; a failure here
   * matters only if everything else went well */
  if (!pragma (db, "PRAGMA cache_size = -2000", NULL, ok ? error : &local_error) ||
      !pragma (db, "PRAGMA threads = 0", NULL, ok ? error : &local_error) ||
      !pragma (db, "PRAGMA ignore_check_constraints = OFF", NULL, ok ? error : &local_error) ||
      !pragma (db, "PRAGMA temp_store = DEFAULT", NULL, ok ? error : &local_error) ||
      !pragma (db, "PRAGMA foreign_keys = ON", NULL, ok ? error : &local_error) ||
      !pragma (db, "PRAGMA synchronous = NORMAL", NULL, ok ? error : &local_error) ||
      !pragma (db, "PRAGMA journal_mode = WAL", "wal", ok ? error : &local_error))
    ok = FALSE;
  if (local_error != NULL)
    g_warning ("Restoring the database settings: %s", local_error->message);
  return ok;
}

/* ---- files and the command ----------------------------------------------- */

void
wk_demo_data_options_init (WkDemoDataOptions *options)
{
  g_return_if_fail (options != NULL);

  options->people = 400;
  options->tickets = 1200;
  options->visits = 2500;
  options->surveys = 700;
  options->days = 60;
  options->seed = 42;
  options->now = g_get_real_time () / G_USEC_PER_SEC;
}

void
wk_demo_data_options_init_scale (WkDemoDataOptions *options)
{
  g_return_if_fail (options != NULL);

  wk_demo_data_options_init (options);
  options->people = 100000;
  options->tickets = 1000000;
  options->visits = 2000000;
  options->surveys = 500000;
  options->days = 1461;
}

const WkDemoStaff *
wk_demo_data_get_staff (guint *n_staff)
{
  if (n_staff != NULL)
    *n_staff = N_STAFF;
  return staff;
}

static gboolean
file_is_empty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) != 0 || st.st_size == 0;
}

gboolean
wk_demo_data_create (const char               *path,
                     const WkDemoDataOptions  *options,
                     gboolean                  force,
                     GError                  **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;

  if (!file_is_empty (path) && !force)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT,
                   _("%s already exists and is not empty; use --force to replace it"), path);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE,
                       _("Cannot remove %s: %s"), file, g_strerror (saved));
          return FALSE;
        }
    }

  db = wk_db_open (path, error);
  if (db == NULL)
    return FALSE;
  ok = wk_demo_data_generate (db, options, error);
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_FAILED, _("Closing %s failed"), path);
      ok = FALSE;
    }
  return ok;
}

char *
wk_demo_data_describe (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_string_append (out, "Staff accounts (sign in on the deskside and review faces):\n");
  g_string_append_printf (out, "  %-10s %-9s %-14s %s\n", "USERNAME", "ROLE", "PASSWORD", "NAME");
  for (guint s = 0; s < N_STAFF; s++)
    g_string_append_printf (out, "  %-10s %-9s %-14s %s\n", staff[s].username, staff[s].role,
                            staff[s].password, staff[s].display_name);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT p.display_name, coalesce (p.badge_id, ''), coalesce (p.email, ''),"
                           " (SELECT h.description || ': ' || h.status"
                           "         || coalesce (' at ' || h.location, '')"
                           "  FROM hardware h WHERE h.person_id = p.id ORDER BY h.id DESC LIMIT 1)"
                           " FROM person p WHERE p.role = 'visitor' ORDER BY p.id LIMIT ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (stmt, 1, N_SHOWCASE);
  if (rc != SQLITE_OK)
    {
      wk_db_set_error (db, rc, error, _("Reading the demo visitors"));
      return NULL;
    }
  g_string_append (out, "\nVisitors to try at the kiosk (badge or email):\n");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *device = (const char *) sqlite3_column_text (stmt, 3);

      g_string_append_printf (out, "  %-12s %-30s %s%s%s\n",
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 0),
                              device != NULL ? " — " : "", device != NULL ? device : "");
    }
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, _("Reading the demo visitors"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
wk_demo_data_main (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = NULL;
  WkDemoDataOptions options;
  int people = -1, tickets = -1, visits = -1, surveys = -1, days = -1;
  gint64 seed = -1;
  gboolean scale = FALSE, force = FALSE;
  gint64 started;
  sqlite3 *db;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database file to create"), N_("PATH") },
    { "people", 0, 0, G_OPTION_ARG_INT, &people, N_("Visitors (default 400)"), "N" },
    { "tickets", 0, 0, G_OPTION_ARG_INT, &tickets, N_("Tickets (default 1200)"), "N" },
    { "visits", 0, 0, G_OPTION_ARG_INT, &visits, N_("Visits (default 2500)"), "N" },
    { "surveys", 0, 0, G_OPTION_ARG_INT, &surveys, N_("Surveys (default 700)"), "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Days of history (default 60)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default 42)"), "S" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Reference time, ISO 8601 (default: now)"), N_("TIME") },
    { "scale", 0, 0, G_OPTION_ARG_NONE, &scale,
      N_("100,000 people, 1,000,000 tickets, 2,000,000 visits, 500,000 surveys, 1,461 days"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing database"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Fill a new database with realistic demo data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* parse a copy: GOptionContext rearranges the vector it is given */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("demo-data: %s\n", error->message);
      return 2;
    }
  if (g_strv_length (args) > 1)
    {
      g_printerr (_("demo-data: unexpected argument “%s”\n"), args[1]);
      return 2;
    }
  if (db_path == NULL)
    {
      g_printerr (_("demo-data: --db PATH is required\n"));
      return 2;
    }

  if (scale)
    wk_demo_data_options_init_scale (&options);
  else
    wk_demo_data_options_init (&options);
  if (people >= 0)
    options.people = (guint) people;
  if (tickets >= 0)
    options.tickets = (guint) tickets;
  if (visits >= 0)
    options.visits = (guint) visits;
  else if (tickets >= 0 && !scale)
    options.visits = MAX (options.tickets * 2, live_count () + 1);
  if (surveys >= 0)
    options.surveys = (guint) surveys;
  else if (visits >= 0 || tickets >= 0)
    options.surveys = options.visits / 4;
  if (days >= 0)
    options.days = (guint) days;
  if (seed >= 0)
    options.seed = (guint64) seed;
  if (now_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (now_text, utc);

      if (dt == NULL)
        {
          g_printerr (_("demo-data: “%s” is not an ISO 8601 time (e.g. 2024-03-04T10:30:00Z)\n"),
                      now_text);
          return 2;
        }
      options.now = g_date_time_to_unix (dt);
    }

  started = g_get_monotonic_time ();
  if (!wk_demo_data_create (db_path, &options, force, &error))
    {
      g_printerr ("demo-data: %s\n", error->message);
      return 1;
    }

  db = wk_db_open (db_path, &error);
  if (db != NULL)
    {
      description = wk_demo_data_describe (db, &error);
      sqlite3_close (db);
    }
  if (description == NULL)
    {
      g_printerr ("demo-data: %s\n", error->message);
      return 1;
    }

  g_print (_("Created %s in %.1f s: %u visitors, %u staff, %u tickets, %u visits, %u surveys "
             "over %u days (seed %" PRIu64 ").\n\n"),
           db_path, (g_get_monotonic_time () - started) / 1e6,
           options.people, N_STAFF, options.tickets, options.visits,
           MIN (options.surveys, options.visits - live_count ()), options.days, options.seed);
  g_print ("%s", description);
  return 0;
}
