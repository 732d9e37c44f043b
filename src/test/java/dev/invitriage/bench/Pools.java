package dev.invitriage.bench;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/** The word, name and text pools {@link ExportGenerator} draws from. */
final class Pools {
  private Pools() { }

  static final String[][] LATIN = {
    {"Anna", "John", "Maria", "Lukas", "Sophie", "Jürgen", "Chloé", "José", "Giulia", "João", "Sanne", "Ingrid", "Liam",
      "Olivia", "Mateo", "Léa", "Finn", "Zoë", "Björn", "Ana", "Pierre", "Lucía", "Marco", "Emma", "Noah", "Fatima",
      "Dana", "Hannah", "Grace", "Kwame", "Ngozi", "Tomás", "Søren", "Agnieszka", "Dorothée", "Sebastián"},
    {"Smith", "Müller", "García", "Rossi", "Dubois", "Silva", "de Vries", "Jansen", "Schmidt", "O'Brien", "Whitfield",
      "Okafor", "Fernández", "Bianchi", "Lefèvre", "Pereira", "van der Berg", "Weiß", "Kowalski", "Nowak", "Chavez",
      "Johansson", "Andersen", "Martínez", "Moreau", "Costa", "Bakker", "Hoffmann", "Ricci", "Mensah"}
  };
  static final String[][] CYRILLIC = {
    {"Иван", "Мария", "Алексей", "Ольга", "Дмитрий", "Анна", "Сергей", "Наталья", "Олена", "Богдан"},
    {"Петров", "Иванова", "Смирнов", "Кузнецова", "Попов", "Соколова", "Шевченко", "Коваленко", "Волков"}
  };
  static final String[][] CJK = {
    {"伟", "芳", "娜", "秀英", "太郎", "花子", "翔", "美咲", "민준", "서연"},
    {"王", "李", "张", "刘", "陈", "田中", "佐藤", "鈴木", "김", "박"}
  };
  static final String[][] ARABIC = {
    {"محمد", "فاطمة", "أحمد", "ليلى", "يوسف", "مريم", "عمر", "نور"},
    {"العلي", "حسن", "الخطيب", "منصور", "السعيد", "إبراهيم", "الحداد"}
  };
  static final String[][] INDIAN = {
    {"Priya", "Rahul", "Ananya", "Vikram", "Deepika", "Arjun", "Sneha", "Rohan"},
    {"Raman", "Sharma", "Patel", "Iyer", "Reddy", "Gupta", "Nair", "Mehta"}
  };
  static final String[] SUFFIXES = {"MBA", "PhD", "PMP", "CFA", "MSc"};
  static final String[] NAME_EMOJI = {"🚀", "🌍", "✨", "💼", "🇺🇦", "☕"};
  static final String[] NOTE_EMOJI = {"🙂", "👋", "🚀", "🙏", "😊", ":)", "🤝"};
  static final String[] COMPANIES = {"Acme Corp", "Bytewise", "Northwind", "Kitsune Labs", "Weiß & Partner",
    "Globex", "Initech", "Umbrella Analytics", "Contoso", "Stark Industries", "Hooli", "Soylent, Inc."};
  static final String[] POSITIONS = {"Senior Software Engineer", "Engineering Manager", "CTO", "Recruiter",
    "Talent Acquisition Partner", "Head of Sales", "Product Manager", "Data Scientist", "Geschäftsführer",
    "Founder & CEO", "Account Executive", "DevOps Engineer"};
  static final String[] GROUPS = {"Java Developers", "DevOps Europe", "Kafka Users", "Product Management Network"};

  /** Language and text of each default; {@code <name>} is the recipient, {@code <sender>} the sender. */
  static final String[][] DEFAULTS = {
    {"en", "I'd like to add you to my professional network on LinkedIn."},
    {"en", "I'd like to add you to my professional network on LinkedIn."},
    {"en", "I'd like to add you to my professional network on LinkedIn."},
    {"en", "I'd like to add you to my professional network"},
    {"en", "I'd like to add you to my LinkedIn network."},
    {"en", "Hi <name>, I'd like to join your LinkedIn network."},
    {"en", "<name>, please add me to your LinkedIn network"},
    {"en", "<sender> has indicated you are a fellow group member of <group>: I'd like to add you to my professional network on LinkedIn. - <sender>"},
    {"en", "You are a person I trust. I'd like to invite you to join my network on LinkedIn. I'm using it to discover inside connections I didn't know I had."},
    {"en", "I'd like to connect with you on LinkedIn."},
    {"it", "<name>, vorrei aggiungerti alla mia rete professionale su LinkedIn."},
    {"fr", "Bonjour <name>, je souhaiterais rejoindre votre réseau sur LinkedIn."},
    {"fr", "<name>, merci de m’ajouter à votre réseau LinkedIn"},
    {"fr", "J'aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn."},
    {"es", "Me gustaría añadirte a mi red profesional en LinkedIn."},
    {"es", "me gustaría contactar contigo"},
    {"de", "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."},
    {"pt", "Gostaria de adicioná-lo à minha rede profissional no LinkedIn."},
    {"nl", "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn."},
  };
  static final Map<String, String[]> GREETINGS = Map.of(
      "en", new String[] {"Hi <name>, ", "Hello <name>! ", "Hello Dr. Sørensen - ", "Dear <name>, ", "Hey <name> ", "Good morning <name>, "},
      "it", new String[] {"Ciao <name>, ", "Buongiorno <name>, "},
      "fr", new String[] {"Bonjour <name>, ", "Salut <name> ! "},
      "es", new String[] {"Hola <name>, ", "Buenos días <name>, "},
      "de", new String[] {"Hallo <name>, ", "Guten Tag Frau Sørensen, ", "Liebe <name>, "},
      "pt", new String[] {"Olá <name>, ", "Bom dia <name>, "},
      "nl", new String[] {"Hoi <name>, ", "Beste <name>, "});
  static final Map<String, String[]> SIGN_OFFS = Map.of(
      "en", new String[] {"Best,", "Best regards,", "Thanks,", "Cheers,", "Kind regards,"},
      "it", new String[] {"Saluti,", "Cordiali saluti,"},
      "fr", new String[] {"Cordialement,", "Bien à vous,"},
      "es", new String[] {"Saludos,", "Un saludo,"},
      "de", new String[] {"Viele Grüße,", "Beste Grüße,", "MfG"},
      "pt", new String[] {"Abraços,", "Atenciosamente,"},
      "nl", new String[] {"Groeten,", "Met vriendelijke groet,"});

  /** Notes that say nothing, as people write them; {@code <name>} the recipient, {@code <sender>} the sender. */
  static final String[] GENERICS = {
    "Hi <name>, let's connect!",
    "Hello <name>! I came across your profile and would like to connect.",
    "Would love to connect.",
    "Please accept my invitation.",
    "Hi <name> 👋",
    "Dear <name>, I'd love to expand my network. Best regards, <sender>",
    "Hi <name>, hope you're well! Looking forward to connecting.\n\nBest,\n<sender>",
    "👋",
    "Hallo <name>, ich würde mich freuen, mich mit Ihnen zu vernetzen. Viele Grüße, <sender>",
    "Hola <name>, me encantaría conectar contigo.",
    "Bonjour <name>, ravi de me connecter avec vous !",
    "Cześć <name>, chętnie nawiążę kontakt.",
    "Здравствуйте, <name>! Буду рад установить контакт.",
    "<name>，您好！希望能和您建立联系。",
  };

  /** Mass templates: the same text from many senders, only the names differ. */
  static final String[] TEMPLATES = {
    "Hi <name>, I'm <sender> from Acme. We help SaaS companies grow their sales pipeline with AI. Open to a quick chat?",
    "Hello <name>, I came across your profile and was impressed by your background. I'd love to connect and share opportunities in our network.",
    "Hi <name>! We are hiring senior Java engineers for a fully remote role with a top-tier salary. Interested? Let's connect.",
    "<name>, I help engineering leaders cut cloud costs by 30% in 90 days. Worth a 15 minute call next week?",
    "Hi <name>, always looking to expand my network with like-minded professionals in tech. Looking forward to connecting!",
    "Hallo <name>, ich bin Recruiter bei Globex und habe spannende Positionen für Sie. Lassen Sie uns vernetzen!",
    "Bonjour <name>, je développe mon réseau dans la tech et votre profil m'a interpellé. Au plaisir d'échanger !",
    "Hi <name>, quick question: who handles outsourced QA at your company? We offer a free pilot this month.",
  };

  static final String[] PERSONAL_EN = {
    "We met at the Berlin meetup last week and talked about Kafka consumer lag.",
    "Loved your talk about observability at JavaOne, especially the part on tail latency.",
    "I am working on a similar migration from Oracle to Postgres and would love to compare notes.",
    "Your article on JVM tuning helped our team fix a nasty GC pause problem.",
    "We both worked at Acme, although a few years apart; Peter from the platform team sends his regards.",
    "Are you still looking for Java developers in Munich? A friend of mine is moving there in spring.",
    "Thanks for the quick help on the MapDB issue tracker yesterday!",
    "I read your thread about terminal UIs and built a small prototype inspired by it.",
    "My manager Dana suggested I reach out about the open-source accessibility audit.",
    "We sat next to each other on the flight to Lisbon and you recommended that book on distributed systems.",
    "I'm organising the Copenhagen Java user group in March: would you consider giving a talk?",
    "Following up on our call about the data pipeline; I have attached nothing here but will email the deck.",
  };
  static final String[] PERSONAL_DE = {
    "Wir haben uns letzte Woche auf der JavaLand kennengelernt und über Testautomatisierung gesprochen.",
    "Ihr Vortrag über Observability hat mir sehr gefallen, besonders der Teil über Latenzen.",
    "Ich arbeite an einer ähnlichen Migration und würde mich gerne austauschen.",
    "Mein Kollege Jürgen hat mir Ihr Profil empfohlen, wegen der Stelle in Hamburg.",
  };
  static final String[] PERSONAL_FR = {
    "Nous nous sommes rencontrés au meetup de Lyon, merci encore pour vos conseils sur Kotlin.",
    "J'ai beaucoup aimé votre article sur la dette technique et j'aimerais en discuter.",
    "Je travaille aussi sur une migration vers Postgres, échangeons nos retours d'expérience.",
  };
  static final String[] PERSONAL_ES = {
    "Nos conocimos en la conferencia de Madrid y hablamos de arquitectura de microservicios.",
    "Me encantó tu charla sobre rendimiento de la JVM, ¿compartirías las diapositivas?",
    "Trabajo en un proyecto parecido en Barcelona y me gustaría intercambiar ideas.",
  };
  static final String[] PERSONAL_RU = {
    "Мы познакомились на конференции в Алматы и обсуждали распределённые системы.",
    "Спасибо за ваш доклад о производительности JVM, было очень полезно.",
    "Я работаю над похожей миграцией базы данных и хотел бы обменяться опытом.",
    "Мой коллега Алексей рекомендовал связаться с вами по поводу вакансии.",
  };
  static final String[] PERSONAL_CJK = {
    "上周我们在上海的技术大会上见过面，聊了很多关于分布式系统的话题。",
    "您关于性能优化的文章对我们团队帮助很大，非常感谢。",
    "先週の勉強会でお会いしました。Kafkaの運用についてのお話がとても参考になりました。",
    "同じようなデータベース移行に取り組んでいるので、ぜひ情報交換させてください。",
    "지난주 서울 밋업에서 뵈었습니다. 발표 정말 인상 깊었습니다.",
  };
  static final String[] PERSONAL_AR = {
    "التقينا في مؤتمر دبي الأسبوع الماضي وتحدثنا عن الأنظمة الموزعة.",
    "استمتعت كثيراً بمحاضرتك عن أداء التطبيقات، شكراً على المشاركة.",
    "أعمل على مشروع مشابه في الرياض وأود تبادل الخبرات معك.",
  };

  /** The name in mathematical bold script letters, as some profiles style themselves. */
  static String mathScript(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (c >= 'A' && c <= 'Z') {
        b.appendCodePoint(0x1D4D0 + (c - 'A'));
      } else if (c >= 'a' && c <= 'z') {
        b.appendCodePoint(0x1D4EA + (c - 'a'));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** "Jürgen-Weiß" → "jurgen-weiss": what LinkedIn makes of a Latin name. */
  static String asciiSlug(String s) {
    String d = Normalizer.normalize(s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O"), Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (char c : d.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
        b.append(c);
      } else if (c == ' ' || c == '\'') {
        b.append('-');
      }
    }
    return b.toString();
  }
}
