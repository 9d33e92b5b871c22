/**
 * The signed-in user's to-do list (待办): figures returned with the reason, figures due and
 * not entered (催报), figures waiting for verification; and just the counts, for the header.
 */
import { Router } from 'express';
import type { Store } from '../../db/store';
import { loadTodoList } from '../../app/todo-list';
import { currentAuth } from '../auth';
import { reply } from '../route-helpers';
import { TodoCounts, TodoList } from '../todo-schema';

export function todoRoutes({ store }: { store: Store }): Router {
  const router = Router();

  router.get('/api/todo', async (_req, res) => {
    reply(res, TodoList, await loadTodoList(store, currentAuth(res).user));
  });

  router.get('/api/todo/count', async (_req, res) => {
    reply(res, TodoCounts, (await loadTodoList(store, currentAuth(res).user)).counts);
  });

  return router;
}
