/**
 * Every sentence the bot says, by face, as one type: src/i18n/ko.ts and en.ts are `Strings`, so a
 * key missing from either (or one only one has) is a type error. Functions take what varies, already
 * made safe by the caller for its face (an escaped question, a mention from userMention). Strings
 * under `answers` and `slack` are Slack mrkdwn where they have marks; the others are plain text.
 */
export interface Strings {
  /** Said by every face. */
  common: {
    /** An unexpected failure, whose details went to the log. */
    failed: string;
  };
  /** Around knowledge answers, in Slack and the terminal. */
  answers: {
    shareInChannel: string;
    otherMatches: string;
    read: string;
    explain: string;
    notAnswered: (question: string) => string;
    noCloseTopics: string;
    otherMatchesIntro: (question: string) => string;
    noOtherMatches: string;
    sharedBy: (mention: string, question: string) => string;
    explainedFor: (mention: string) => string;
    related: string;
    source: (entryId: string) => string;
    truncated: (entryId: string) => string;
    helpIntro: string;
    helpUsage: string;
    topicsHeading: string;
    moreTopics: (count: number) => string;
    homeTitle: string;
    homeIntro: string;
    homeHowTo: string;
    askButton: string;
    modalTitle: string;
    askLabel: string;
    askPlaceholder: string;
    askSubmit: string;
    close: string;
    /**
     * The closest note covers part of the question: `covered` and `missing` are the question's words
     * (already marked up for the face), each undefined when the answer does not say.
     */
    partialIntro: (covered: string | undefined, missing: string | undefined) => string;
    /** The button under a partial answer that puts the question to the channel. */
    shareQuestion: string;
    questionForChannel: (mention: string, question: string) => string;
    /** Under a question put to the channel: the note that covers part of it. */
    partialForChannel: (title: string) => string;
    /** Replies to a message that is only a greeting or thanks, then how to ask. */
    chatGreeting: string;
    chatThanks: string;
    /** Said the answer was wrong or no help: an apology, then how to ask. */
    chatSorry: string;
    chatHowTo: string;
    /** Nothing close to a question: the topic list follows. */
    noCloseTopicsList: string;
  };
  /** Knowledge answers in a terminal (shell, CLI). */
  terminal: {
    didYouMean: string;
    noTopics: string;
    alsoSee: string;
    chatHowTo: string;
  };
  /** The Docker views, in Slack and the terminal. */
  docker: {
    containers: (count: number) => string;
    noContainers: string;
    runningOnly: string;
    filters: string;
    showing: (shown: number, total: number) => string;
    narrow: string;
    states: Record<'running' | 'paused' | 'restarting' | 'created' | 'exited' | 'dead' | 'removing', string>;
    columns: [id: string, name: string, image: string, status: string, ports: string, command: string];
    labels: string;
    kinds: { images: string; containers: string; volumes: string; buildCache: string };
    dfColumns: [type: string, total: string, active: string, size: string, reclaimable: string];
    active: string;
    reclaimable: string;
    rootDir: string;
    total: string;
    measuredAt: string;
    advice: (entryId: string) => string;
    largest: { images: string; containers: string; volumes: string };
    usedBy: (count: string) => string;
    none: string;
    /** Above a Docker result someone shared from their private copy; `command` is inline code already. */
    sharedBy: (mention: string, command: string) => string;
  };
  /** What follows /docker-ps and /docker-df: usage, and why the arguments were refused. */
  dockerArgs: {
    psUsage: (statuses: string, healths: string) => string;
    dfUsage: string;
    quoteNotClosed: string;
    needsValue: (option: string) => string;
    notAnOption: (word: string) => string;
    notKeyValue: (word: string) => string;
    unknownOption: (option: string) => string;
    ancestorSpaces: string;
    labelNeedsKey: string;
    unknownFilter: (key: string) => string;
    dfNoFilter: (key: string) => string;
    emptyValue: (key: string) => string;
    valueTooLong: (key: string, max: number) => string;
    controlCharacters: (key: string) => string;
    oneHost: string;
    badHostName: (name: string) => string;
    notOneOf: (key: string, value: string, allowed: string) => string;
  };
  /** Slack replies that are not knowledge answers: refusals, progress, failures. */
  slack: {
    refusedUser: string;
    refusedChannel: string;
    rateLimited: (retryAfterSec: number) => string;
    otherWorkspace: string;
    running: (command: string) => string;
    notInChannel: string;
    nothingToExplain: string;
    topicGone: string;
    explainedPrivately: string;
    emptyQuestion: string;
  };
  /** The terminal shell. */
  shell: {
    banner: (topics: number) => string;
    languages: string;
    help: string;
    bye: string;
    /** Ctrl-C on an empty line: how to leave. */
    exitHint: string;
    unknownCommand: (word: string) => string;
  };
  /** The command line. */
  cli: {
    usage: string;
    unknownCommand: (command: string) => string;
    noCommand: string;
    unknownAskOption: (option: string) => string;
    questionTwice: string;
    noQuestion: string;
    notesUsage: string;
    notesExported: (written: number, unchanged: number, skipped: number, dir: string) => string;
    notesFileExists: (file: string) => string;
    notesIdInFolder: (id: string, file: string) => string;
    noSavedNotes: string;
  };
  /** Notes saved from Slack: the Save as note form, its answers, the App Home's saved notes. */
  notes: {
    /** Modal titles: at most 24 characters. */
    saveTitle: string;
    editTitle: string;
    savedTitle: string;
    save: string;
    cancel: string;
    close: string;
    labels: Record<'id' | 'title' | 'title_en' | 'aliases' | 'tags' | 'related' | 'body', string>;
    hints: Record<'id' | 'title_en' | 'aliases' | 'tags' | 'related' | 'body', string>;
    fromThread: (messages: number, channelMention: string) => string;
    fromMessage: (channelMention: string) => string;
    threadUnread: string;
    readingThread: string;
    bodyCut: (chars: number) => string;
    editing: (id: string) => string;
    saved: (id: string) => string;
    updated: (id: string) => string;
    withWarnings: string;
    inFolder: (file: string) => string;
    exists: string;
    notFound: string;
    storeDown: string;
    notAllowed: string;
    off: string;
    savedHeading: (count: number) => string;
    savedBy: (mention: string, date: string) => string;
    editedBy: (mention: string, date: string) => string;
    noSaved: string;
    moreSaved: (count: number) => string;
    write: string;
    edit: string;
    delete: string;
    deleteConfirmTitle: string;
    deleteConfirm: (title: string) => string;
    deleted: (id: string) => string;
  };
  /** 👍 / 👎 under answers, and the "what was missing" form 👎 opens (Slack). */
  feedback: {
    prompt: string;
    helpful: string;
    notHelpful: string;
    modalTitle: string;
    missingLabel: string;
    missingPlaceholder: string;
    send: string;
    skip: string;
  };
  /** The questions the notes could not answer: App Home, the weekly digest, `cli gaps`. */
  gaps: {
    heading: string;
    lastDays: (days: number) => string;
    none: string;
    asked: (count: number) => string;
    /** How many of those times the answer was partial, or voted down. */
    partly: (count: number) => string;
    votedDown: (count: number) => string;
    writeNote: string;
    closest: string;
    digestIntro: (days: number, questions: number) => string;
    cliUsage: string;
    badSince: (value: string) => string;
    unknownOption: (option: string) => string;
  };
}
