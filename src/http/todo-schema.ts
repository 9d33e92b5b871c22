/** The to-do list's answer schemas (`GET /api/todo`, `GET /api/todo/count`). */
import { z } from 'zod';

export const TodoCounts = z.object({
  returned: z.number().int(),
  due: z.number().int(),
  awaiting: z.number().int(),
  /** What waits on the user: returned and due for a statistician, awaiting for an evaluator. */
  total: z.number().int(),
});

export const TodoItem = z.object({
  planId: z.number().int(),
  planTitle: z.string(),
  targetId: z.number().int(),
  taskId: z.number().int(),
  taskSeq: z.number().int().nullable(),
  subject: z.string(),
  quote: z.string(),
  unit: z.string().nullable(),
  year: z.number().int(),
  member: z.string().nullable(),
  revision: z.number().int().nullable(),
  value: z.number().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** 退回原因 of a returned figure. */
  reason: z.string().nullable(),
});

export const TodoList = z.object({
  /** Returned to the statistician (退回), with the reason. */
  returned: z.array(TodoItem),
  /** Due and not entered yet (催报). */
  due: z.array(TodoItem),
  /** Sent and waiting for verification (待核实). */
  awaiting: z.array(TodoItem),
  counts: TodoCounts,
});
