import type { ArticleSpec, FolderKey } from "./article-spec.ts";
import { ACCOUNT_ARTICLES } from "./articles-account.ts";
import { BILLING_ARTICLES } from "./articles-billing.ts";
import { HOW_TO_ARTICLES } from "./articles-how-to.ts";
import { TECHNICAL_ARTICLES } from "./articles-technical.ts";
import type { SeedClock } from "./clock.ts";
import { htmlToText } from "./html.ts";
import { AGENT, SEQUENCE, SOLUTION_CATEGORY, SOLUTION_FOLDER, sequenceId } from "./ids.ts";
import type { FdSolutionArticle, FdSolutionCategory, FdSolutionFolder } from "./types.ts";

const CATEGORIES = [
  {
    id: SOLUTION_CATEGORY.billing,
    name: "Billing & Plans",
    description: "Invoices, payments, refunds and changing your plan.",
  },
  {
    id: SOLUTION_CATEGORY.account,
    name: "Account & Security",
    description: "Signing in, passwords, 2FA, SSO and managing your workspace.",
  },
  {
    id: SOLUTION_CATEGORY.technical,
    name: "Integrations & Troubleshooting",
    description: "API, webhooks, integrations and fixing errors.",
  },
  {
    id: SOLUTION_CATEGORY.howTo,
    name: "Using Larkspur",
    description: "Step-by-step guides for teams, reports and data.",
  },
];

type FolderSpec = {
  name: string;
  description: string;
  categoryId: number;
  visibility: number;
  author: number;
};

const FOLDERS: Record<FolderKey, FolderSpec> = {
  paymentsInvoices: {
    name: "Payments & Invoices",
    description: "Charges, refunds, invoices and payment methods.",
    categoryId: SOLUTION_CATEGORY.billing,
    visibility: 1,
    author: AGENT.sofiaAlvarez,
  },
  plansSubscriptions: {
    name: "Plans & Subscriptions",
    description: "Upgrading, downgrading and cancelling.",
    categoryId: SOLUTION_CATEGORY.billing,
    visibility: 1,
    author: AGENT.tomBecker,
  },
  signInSecurity: {
    name: "Sign-in & Security",
    description: "Passwords, two-factor authentication and single sign-on.",
    categoryId: SOLUTION_CATEGORY.account,
    visibility: 1,
    author: AGENT.mayaChen,
  },
  accountManagement: {
    name: "Managing your account",
    description: "Ownership, deletion and data protection.",
    categoryId: SOLUTION_CATEGORY.account,
    visibility: 2,
    author: AGENT.mayaChen,
  },
  apiWebhooks: {
    name: "API & Webhooks",
    description: "Using the Larkspur REST API and webhooks.",
    categoryId: SOLUTION_CATEGORY.technical,
    visibility: 1,
    author: AGENT.danielOkafor,
  },
  integrations: {
    name: "Integrations",
    description: "Slack, calendars and other connected apps.",
    categoryId: SOLUTION_CATEGORY.technical,
    visibility: 1,
    author: AGENT.danielOkafor,
  },
  troubleshooting: {
    name: "Troubleshooting",
    description: "Errors, outages and sync problems.",
    categoryId: SOLUTION_CATEGORY.technical,
    visibility: 1,
    author: AGENT.priyaRaman,
  },
  teamSetup: {
    name: "Setting up your team",
    description: "Members, roles and custom fields.",
    categoryId: SOLUTION_CATEGORY.howTo,
    visibility: 1,
    author: AGENT.lucasMoreau,
  },
  reportsData: {
    name: "Reports & Data",
    description: "Reports, exports and billable time.",
    categoryId: SOLUTION_CATEGORY.howTo,
    visibility: 1,
    author: AGENT.lucasMoreau,
  },
};

const ARTICLES: ArticleSpec[] = [
  ...BILLING_ARTICLES,
  ...ACCOUNT_ARTICLES,
  ...TECHNICAL_ARTICLES,
  ...HOW_TO_ARTICLES,
];

export function buildSolutionCategories(clock: SeedClock): FdSolutionCategory[] {
  return CATEGORIES.map((category, index) => ({
    id: category.id,
    name: category.name,
    description: category.description,
    created_at: clock.ago({ days: 408, hours: index }),
    updated_at: clock.ago({ days: 140 - index * 10 }),
  }));
}

export function buildSolutionFolders(clock: SeedClock): FdSolutionFolder[] {
  return (Object.keys(FOLDERS) as FolderKey[]).map((key, index) => {
    const folder = FOLDERS[key];
    return {
      id: SOLUTION_FOLDER[key],
      name: folder.name,
      description: folder.description,
      visibility: folder.visibility,
      category_id: folder.categoryId,
      created_at: clock.ago({ days: 406, hours: index }),
      updated_at: clock.ago({ days: 120 - index * 5 }),
    };
  });
}

export function buildSolutionArticles(clock: SeedClock): FdSolutionArticle[] {
  return ARTICLES.map((article, index) => {
    const folder = FOLDERS[article.folder];
    return {
      id: sequenceId(SEQUENCE.article, index),
      type: article.type ?? 1,
      status: article.status,
      agent_id: folder.author,
      created_at: clock.ago({ days: article.createdDaysAgo, hours: index % 7 }),
      category_id: folder.categoryId,
      folder_id: SOLUTION_FOLDER[article.folder],
      title: article.title,
      updated_at: clock.ago({ days: article.updatedDaysAgo, hours: index % 5 }),
      description: article.html,
      description_text: htmlToText(article.html),
      seo_data: { meta_title: article.title, meta_description: article.metaDescription },
      tags: [...article.tags],
      attachments: [],
      cloud_files: [],
      thumbs_up: article.thumbsUp,
      thumbs_down: article.thumbsDown,
      hits: article.hits,
      suggested: Math.round(article.hits / 25),
      feedback_count: article.thumbsDown === 0 ? 0 : Math.ceil(article.thumbsDown / 3),
    };
  });
}
