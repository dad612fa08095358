/** zod speaks French everywhere the contract is checked. */
import { z } from 'zod';

z.config(z.locales.fr());
