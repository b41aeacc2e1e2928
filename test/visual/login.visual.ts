import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/login.stories.js';

visualSuite('login', stories);
